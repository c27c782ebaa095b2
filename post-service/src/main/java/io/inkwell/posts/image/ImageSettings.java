package io.inkwell.posts.image;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxPixels the most pixels (width × height) an image may have: a small file can hold a
 *     picture so large that decoding it takes gigabytes in every reader's browser
 * @param widths the widths, in pixels, of the narrower copies browsers may choose from (Ghost's)
 * @param sizes how wide the reader site shows a picture in a post, for the browser's choice of
 *     copy: the width of the theme's column (42rem less its padding) or of a narrow screen
 * @param scalingWait how long a browser's request waits for a copy while another is being made
 *     before it is sent the picture itself
 * @param servingMemory how many bytes of pictures are held in memory at once while they are sent (a
 *     picture is read whole from the database): others wait
 * @param servingWait how long a request waits for that room before it is answered 503
 * @param maxSize the largest picture (413 above it); {@code spring.servlet.multipart.max-file-size}
 *     lets larger files through, for {@code /api/files}
 */
@ConfigurationProperties("inkwell.images")
public record ImageSettings(
    @DefaultValue("50000000") long maxPixels,
    @DefaultValue({"600", "1000", "1600", "2000"}) List<Integer> widths,
    @DefaultValue("(max-width: 42rem) calc(100vw - 2.5rem), 39.5rem") String sizes,
    @DefaultValue("10s") Duration scalingWait,
    @DefaultValue("32MB") DataSize servingMemory,
    @DefaultValue("20s") Duration servingWait,
    @DefaultValue("5MB") DataSize maxSize) {}

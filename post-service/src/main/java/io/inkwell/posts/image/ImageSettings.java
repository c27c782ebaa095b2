package io.inkwell.posts.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest upload is {@code spring.servlet.multipart.max-file-size} (413 above it).
 *
 * @param maxPixels the most pixels (width × height) an image may have: a small file can hold a
 *     picture so large that decoding it takes gigabytes in every reader's browser
 */
@ConfigurationProperties("inkwell.images")
public record ImageSettings(@DefaultValue("50000000") long maxPixels) {}

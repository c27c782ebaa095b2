package io.inkwell.posts.file;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest file (413 above it): an hour of a podcast at 128 kbit/s is about 58
 *     MB. {@code spring.servlet.multipart.max-file-size} and the gateway's limit for the files'
 *     paths must let it through
 * @param chunkSize how many bytes of a file one database document holds, and a reader's request
 *     holds in memory at once while it is sent
 * @param unfinishedAfter how long after it began an upload that has not finished is taken for one
 *     that died half-way, whose chunks are removed: longer than the slowest upload's writing. How
 *     often they are looked for is {@code inkwell.files.unfinished-check-interval} (1 hour)
 */
@ConfigurationProperties("inkwell.files")
public record FileSettings(
    @DefaultValue("100MB") DataSize maxSize,
    @DefaultValue("1MB") DataSize chunkSize,
    @DefaultValue("1h") Duration unfinishedAfter) {}

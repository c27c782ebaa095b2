package io.inkwell.posts.file;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An upload writing a file's chunks: removed when its file is stored, left by one whose process
 * stopped half-way, which names the chunks it may have written ({@code {id}:0} to {@code
 * {id}:chunks-1}).
 */
@Document("file-uploads")
record UnfinishedUpload(@Id String id, long chunks, Instant startedAt) {}

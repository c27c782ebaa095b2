package io.inkwell.posts.author;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What readers see of a staff member, as auth-service last told of it ({@code StaffChanged}): the
 * name on their bylines, a short bio, their website and picture. A removed account keeps its name
 * (its posts keep their byline) and nothing else.
 *
 * @param changedAt when the change this profile holds happened, so that an older event changes
 *     nothing
 */
@Document("authors")
record AuthorProfile(
    @Id String id,
    String name,
    String bio,
    String website,
    String avatar,
    Instant changedAt,
    Boolean removed) {}

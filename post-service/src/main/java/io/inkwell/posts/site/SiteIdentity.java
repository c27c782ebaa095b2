package io.inkwell.posts.site;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The blog's title and description as its admins set them (Blogger's Settings → Basic, Ghost's
 * "Title and description"): one document, written whole.
 *
 * @param description one paragraph of plain text; empty for none, null while never set
 */
@Document("site")
public record SiteIdentity(
    @Id String id, String title, String description, Instant updatedAt, String updatedBy) {

  static final String ID = "site";
}

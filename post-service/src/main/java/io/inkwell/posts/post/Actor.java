package io.inkwell.posts.post;

import java.util.Set;

/**
 * Who asks for a change, as their access token says: a staff member with a role, or an integration.
 * The rules of who may do what to which post live here (Ghost's model): contributors write and edit
 * their own drafts, authors also publish their own posts, editors (and integrations) handle
 * everyone's posts.
 */
public record Actor(String id, String name, Set<String> roles) {

  public static final Actor ANONYMOUS = new Actor(null, null, Set.of());

  private static final Set<String> EDITORS = Set.of("OWNER", "ADMIN", "EDITOR", "INTEGRATION");

  public boolean isStaff() {
    return id != null && !roles.isEmpty();
  }

  public boolean isEditor() {
    return roles.stream().anyMatch(EDITORS::contains);
  }

  /** Admins and the owner: they run the blog (its title, its staff), not only its posts. */
  public boolean isAdmin() {
    return roles.contains("OWNER") || roles.contains("ADMIN");
  }

  public boolean isIntegration() {
    return roles.contains("INTEGRATION");
  }

  public boolean isContributorOnly() {
    return isStaff() && !isEditor() && !roles.contains("AUTHOR");
  }

  public boolean wrote(Post post) {
    return id != null && id.equals(post.author().id());
  }

  /** Anyone reads a published post; staff also read their own drafts, editors every post. */
  public boolean mayRead(Post post) {
    return post.isPublished() || isEditor() || (isStaff() && wrote(post));
  }

  /** Editors change any post; others only their own, and contributors only until published. */
  public boolean mayEdit(Post post) {
    if (isEditor()) {
      return true;
    }
    if (!isStaff() || !wrote(post)) {
      return false;
    }
    return !isContributorOnly() || post.status() == PostStatus.DRAFT;
  }

  /** Editors publish any post, authors their own; contributors never. */
  public boolean mayPublish(Post post) {
    return isEditor() || (roles.contains("AUTHOR") && wrote(post));
  }

  /** Taking a post down is an editor's call (API.md): unpublish and delete. */
  public boolean mayTakeDown(Post post) {
    return isEditor();
  }
}

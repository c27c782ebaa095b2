package io.inkwell.auth.staff;

/**
 * Staff roles as in Ghost, strongest first: contributors write drafts, authors publish their own
 * posts, editors handle everyone's posts and comments, admins manage staff and integrations, and
 * the one owner can do everything an admin can.
 */
public enum Role {
  OWNER,
  ADMIN,
  EDITOR,
  AUTHOR,
  CONTRIBUTOR;

  /** The roles an invitation may give: there is only ever one owner. */
  public boolean invitable() {
    return this != OWNER;
  }
}

package io.inkwell.web.admin;

import java.util.Set;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in staff member as the admin pages need them: what their role lets them do decides
 * what the pages offer (the services enforce it again).
 */
public record StaffMember(String id, String name, String role) {

  private static final Set<String> EDITORS = Set.of("OWNER", "ADMIN", "EDITOR");

  static StaffMember of(OidcUser user) {
    var roles = user.getIdToken().getClaimAsStringList("roles");
    String name = user.getClaimAsString("name");
    return new StaffMember(
        user.getSubject(),
        name == null ? user.getSubject() : name,
        roles == null || roles.isEmpty() ? "CONTRIBUTOR" : roles.get(0));
  }

  public boolean mayPublish() {
    return !role.equals("CONTRIBUTOR");
  }

  public boolean isEditor() {
    return EDITORS.contains(role);
  }

  public boolean isAdmin() {
    return role.equals("OWNER") || role.equals("ADMIN");
  }
}

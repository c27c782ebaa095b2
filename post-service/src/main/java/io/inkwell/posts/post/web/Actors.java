package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Actor;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of a request, from the access token the gateway relayed (none: anonymous). */
public final class Actors {

  private Actors() {}

  public static Actor of(Jwt token) {
    if (token == null) {
      return Actor.ANONYMOUS;
    }
    List<String> roles = token.getClaimAsStringList("roles");
    String name = token.getClaimAsString("name");
    return new Actor(
        token.getSubject(),
        name == null ? token.getSubject() : name,
        roles == null ? Set.of() : Set.copyOf(roles));
  }
}

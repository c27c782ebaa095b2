package io.inkwell.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer the public address tokens name as their issuer (the gateway's, as browsers see it)
 * @param audience the audience every access token is for; the gateway and services require it
 * @param accessTokenTtl how long an access token is valid: short, as nothing can revoke a JWT
 * @param owner the account the first start creates when no staff exists yet
 * @param bootstrapIntegration an integration the first start creates (the local stack's seeder)
 * @param webClient the public client of the web admin (authorization code + PKCE), and where
 *     signing out of it may return to
 * @param blogName the blog's name, on the sign-in page
 * @param invitationValidity how long an invitation's link lets the invitee choose a password
 * @param passwordReset how long a reset link works, and how often one may be mailed per account
 * @param signInLock how many wrong passwords in a row lock an address, and for how long
 * @param keepSignedIn how long a browser whose sign-in ticked "Keep me signed in" stays signed in
 *     without a request (WordPress's 14 days); any other sign-in ends after 30 minutes idle
 */
@ConfigurationProperties("inkwell.auth")
public record AuthSettings(
    @DefaultValue("http://localhost:8080") String issuer,
    @DefaultValue("inkwell-api") String audience,
    @DefaultValue("10m") Duration accessTokenTtl,
    @DefaultValue Owner owner,
    @DefaultValue BootstrapIntegration bootstrapIntegration,
    @DefaultValue WebClient webClient,
    @DefaultValue("Inkwell") String blogName,
    @DefaultValue("7d") Duration invitationValidity,
    @DefaultValue PasswordReset passwordReset,
    @DefaultValue SignInLock signInLock,
    @DefaultValue("14d") Duration keepSignedIn) {

  /**
   * The blog's owner; the password is only read while no owner exists.
   *
   * @param id the owner's account id: post-service's byline of posts an integration creates (the
   *     welcome post, an imported blog's posts), so that those are the owner's
   */
  public record Owner(
      @DefaultValue("owner") String id,
      @DefaultValue("owner@inkwell.localhost") String email,
      @DefaultValue("Blog owner") String name,
      String password) {}

  /** Created on start when both are set and the client does not exist yet. */
  public record BootstrapIntegration(
      String clientId, String secret, @DefaultValue("Local stack") String name) {}

  /**
   * @param validity how long a mailed reset link works
   * @param interval the least time between two reset mails to one account
   */
  public record PasswordReset(
      @DefaultValue("1h") Duration validity, @DefaultValue("2m") Duration interval) {}

  /**
   * @param failures wrong passwords in a row, each within {@code duration} of the one before, that
   *     lock the address they were tried for
   * @param duration how long the lock lasts (and how long a failure counts)
   */
  public record SignInLock(
      @DefaultValue("10") int failures, @DefaultValue("15m") Duration duration) {}

  public record WebClient(
      @DefaultValue("inkwell-web") String clientId,
      @DefaultValue("http://localhost:8080/login/oauth2/code/inkwell") List<String> redirectUris,
      @DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {}
}

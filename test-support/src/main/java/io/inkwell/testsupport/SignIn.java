package io.inkwell.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from auth-service the way real clients do: a person signs in through the
 * authorization code flow with PKCE (the login form, its CSRF token and session cookie included), a
 * program with client credentials.
 */
public final class SignIn {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String baseUrl;
  private final boolean keepSignedIn;
  private final String userAgent;
  private final Supplier<String> code;

  /**
   * @param baseUrl where the protocol endpoints and the login page are reached (auth-service or the
   *     gateway in front of it)
   */
  public SignIn(String baseUrl) {
    this(baseUrl, false, null, null);
  }

  private SignIn(String baseUrl, boolean keepSignedIn, String userAgent, Supplier<String> code) {
    this.baseUrl = baseUrl;
    this.keepSignedIn = keepSignedIn;
    this.userAgent = userAgent;
    this.code = code;
  }

  /** Signs in with the form's "Keep me signed in" ticked. */
  public SignIn keepingMeSignedIn() {
    return new SignIn(baseUrl, true, userAgent, code);
  }

  /** Signs in as the browser this {@code User-Agent} names, not as Java's HTTP client. */
  public SignIn as(String browserUserAgent) {
    return new SignIn(baseUrl, keepSignedIn, browserUserAgent, code);
  }

  /** Types what {@code code} gives when the form asks for the code of an authenticator app. */
  public SignIn withCode(Supplier<String> code) {
    return new SignIn(baseUrl, keepSignedIn, userAgent, code);
  }

  /** A program's token: client credentials with HTTP Basic authentication. */
  public String clientCredentials(String clientId, String secret) {
    var response = tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
    if (response.statusCode() != 200) {
      throw new SignInFailed(
          "client credentials: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asString();
  }

  /** The raw token endpoint answer for client credentials, for tests of refusals. */
  public HttpResponse<String> clientCredentialsResponse(String clientId, String secret) {
    return tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
  }

  /** A person's access token: authorization code + PKCE through the sign-in form. */
  public String person(String clientId, String redirectUri, String email, String password) {
    return personTokens(clientId, redirectUri, email, password).path("access_token").asString();
  }

  /** The token endpoint's whole answer (access token, id token) after signing in. */
  public JsonNode personTokens(String clientId, String redirectUri, String email, String password) {
    return personTokens(browser(), clientId, redirectUri, email, password);
  }

  /** A browser that keeps its cookies: a second sign-in in it finds the session of the first. */
  public static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /**
   * Authorization code + PKCE in this browser: through the sign-in form when auth-service asks for
   * it, straight to the code when the browser's session there is still signed in.
   */
  public JsonNode personTokens(
      HttpClient http, String clientId, String redirectUri, String email, String password) {
    String verifier = random();
    String state = random();
    URI authorize =
        URI.create(
            baseUrl
                + "/oauth2/authorize?"
                + form(
                    Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")));
    var authorized =
        browse(http, HttpRequest.newBuilder(authorize).header("Accept", "text/html").GET());
    URI next = authorize.resolve(location(authorized));
    URI back =
        next.getPath().endsWith("/login") ? throughSignInForm(http, next, email, password) : next;
    Map<String, String> query = query(back);
    if (!state.equals(query.get("state")) || query.get("code") == null) {
      throw new SignInFailed("no code in the redirect: " + back);
    }
    var tokens =
        tokenRequest(
            null,
            null,
            Map.of(
                "grant_type", "authorization_code",
                "code", query.get("code"),
                "redirect_uri", redirectUri,
                "client_id", clientId,
                "code_verifier", verifier));
    if (tokens.statusCode() != 200) {
      throw new SignInFailed("code exchange: " + tokens.statusCode() + " " + tokens.body());
    }
    return JSON.readTree(tokens.body());
  }

  /** Signs in on the form at {@code login}; the redirect back to the client, with its code. */
  private URI throughSignInForm(HttpClient http, URI login, String email, String password) {
    var page = browse(http, HttpRequest.newBuilder(login).GET());
    Matcher csrf = CSRF.matcher(page.body());
    if (!csrf.find()) {
      throw new SignInFailed("no login form at " + login + ": " + page.statusCode());
    }
    var fields =
        new LinkedHashMap<>(
            Map.of("username", email, "password", password, "_csrf", csrf.group(1)));
    if (keepSignedIn) {
      fields.put("remember-me", "on");
    }
    var signedIn =
        browse(
            http,
            HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    String afterLogin = location(signedIn);
    if (afterLogin.endsWith("/login?code") && code != null) {
      afterLogin = throughCodeField(http, login.resolve(afterLogin), email);
    }
    if (afterLogin.contains("/login?")) {
      throw new SignInFailed("the sign-in form refused " + email + ": " + afterLogin);
    }
    var redirected =
        browse(
            http,
            HttpRequest.newBuilder(login.resolve(afterLogin)).header("Accept", "text/html").GET());
    return URI.create(location(redirected));
  }

  /** The second step: the code of the authenticator app, on the form the password led to. */
  private String throughCodeField(HttpClient http, URI page, String email) {
    var form = browse(http, HttpRequest.newBuilder(page).GET());
    Matcher csrf = CSRF.matcher(form.body());
    if (!csrf.find() || !form.body().contains("name=\"code\"")) {
      throw new SignInFailed("no code field at " + page + ": " + form.statusCode());
    }
    var fields = new LinkedHashMap<>(Map.of("code", code.get(), "_csrf", csrf.group(1)));
    if (form.body().contains("name=\"remember-me\" value=\"on\"")) {
      fields.put("remember-me", "on");
    }
    var sent =
        browse(
            http,
            HttpRequest.newBuilder(page.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    return location(sent);
  }

  private HttpResponse<String> tokenRequest(
      String clientId, String secret, Map<String, String> parameters) {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
    if (clientId != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8)));
    }
    return send(HttpClient.newHttpClient(), request);
  }

  /** A request of the browser: with its {@code User-Agent}, when it has one. */
  private HttpResponse<String> browse(HttpClient http, HttpRequest.Builder request) {
    if (userAgent != null) {
      request.header("User-Agent", userAgent);
    }
    return send(http, request);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(
            () ->
                new SignInFailed(
                    "expected a redirect from "
                        + response.uri()
                        + ", got "
                        + response.statusCode()
                        + " "
                        + response.body()));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] parts = pair.split("=", 2);
        values.put(
            parts[0],
            parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return values;
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The flow did not end with a token; the message says at which step. */
  public static class SignInFailed extends RuntimeException {
    SignInFailed(String message) {
      super(message);
    }
  }
}

package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript on the blog and its admin, through the gateway: cookies kept,
 * redirects followed, forms sent as the page filled them in.
 */
final class SiteBrowser {

  private final String gatewayUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** The page last shown, which a browser names as the {@code Referer} of a form sent from it. */
  private volatile URI shown;

  SiteBrowser(LocalStack stack) {
    this.gatewayUrl = stack.gatewayUrl();
  }

  HttpResponse<String> get(String path) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Accept", "text/html")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    shown = response.uri();
    return response;
  }

  /**
   * Every address the sitemaps list, read as a crawler reads them: the index at {@code
   * /sitemap.xml} (which {@code robots.txt} names), then each sitemap it lists, all on this site.
   */
  List<String> sitemapAddresses() throws Exception {
    assertThat(get("/robots.txt").body()).contains("Sitemap: " + gatewayUrl + "/sitemap.xml");
    var index = get("/sitemap.xml");
    assertThat(index.statusCode()).isEqualTo(200);
    var sitemaps = Jsoup.parse(index.body(), org.jsoup.parser.Parser.xmlParser());
    assertThat(sitemaps.select("sitemapindex")).hasSize(1);
    var addresses = new java.util.ArrayList<String>();
    for (String sitemap : sitemaps.select("sitemap > loc").eachText()) {
      assertThat(sitemap).startsWith(gatewayUrl + "/");
      var listed = get(sitemap.substring(gatewayUrl.length()));
      assertThat(listed.statusCode()).as(sitemap).isEqualTo(200);
      assertThat(listed.headers().firstValue("Content-Type")).hasValue("application/xml");
      var urls = Jsoup.parse(listed.body(), org.jsoup.parser.Parser.xmlParser());
      assertThat(urls.select("urlset")).as(sitemap).hasSize(1);
      addresses.addAll(urls.select("url > loc").eachText());
    }
    return addresses;
  }

  /** Forgets a cookie, as a browser does when it runs out or is cleared. */
  void forget(String cookie) {
    var cookies = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore();
    cookies.getCookies().stream()
        .filter(kept -> kept.getName().equals(cookie))
        .toList()
        .forEach(kept -> cookies.remove(null, kept));
  }

  Document page(String path) throws Exception {
    var response = get(path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return Jsoup.parse(response.body(), response.uri().toString());
  }

  HttpResponse<String> submit(String url, Map<String, String> fields) throws Exception {
    return submit(url, fields, List.of());
  }

  /** A form another site's page sends here, in this browser (its cookies go only if allowed). */
  HttpResponse<String> submitFromElsewhere(String path, Map<String, String> fields)
      throws Exception {
    return send(path, fields, List.of(), "https://elsewhere.example");
  }

  /** A form with, besides {@code fields}, fields sent more than once (tick boxes of one name). */
  HttpResponse<String> submit(
      String url, Map<String, String> fields, List<Map.Entry<String, String>> repeated)
      throws Exception {
    return send(url, fields, repeated, null);
  }

  /**
   * Posts a form as a browser does: from {@code origin}, or (null) from the page last shown, which
   * it names as {@code Origin} and {@code Referer}.
   */
  private HttpResponse<String> send(
      String url,
      Map<String, String> fields,
      List<Map.Entry<String, String>> repeated,
      String origin)
      throws Exception {
    String form =
        java.util.stream.Stream.concat(fields.entrySet().stream(), repeated.stream())
            .map(
                field ->
                    URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI target = URI.create(url.startsWith("http") ? url : gatewayUrl + url);
    var request =
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html");
    if (origin != null) {
      request.header("Origin", origin);
    } else {
      request.header("Origin", gatewayUrl);
      if (shown != null) {
        request.header("Referer", shown.toString());
      }
    }
    var response =
        http.send(
            request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());
    shown = response.uri();
    return response;
  }

  /** A form with a file, as a browser sends it ({@code multipart/form-data}). */
  HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] file)
      throws Exception {
    String boundary = "----inkwell" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    for (var field : fields.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + java.util.Objects.requireNonNullElse(
                    java.net.URLConnection.guessContentTypeFromName(fileName),
                    "application/octet-stream")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(gatewayUrl + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens /admin, lands on auth-service's login form, signs in, and is back in the admin. */
  Document signIn(String email, String password) throws Exception {
    var back = sendSignInForm(email, password);
    assertThat(back.uri().getPath()).isEqualTo("/admin");
    return Jsoup.parse(back.body(), back.uri().toString());
  }

  /** Opens /admin, fills auth-service's login form in and sends it: where that leads. */
  HttpResponse<String> sendSignInForm(String email, String password) throws Exception {
    var login = get("/admin");
    assertThat(login.uri().getPath()).isEqualTo("/login");
    return submit(
        login.uri().toString(),
        Map.of(
            "username", email,
            "password", password,
            "_csrf", Jsoup.parse(login.body()).select("input[name=_csrf]").val()));
  }

  /** A form's fields as the page filled them in, CSRF token included. */
  static Map<String, String> fields(Document page, String formSelector) {
    return fields(page.selectFirst(formSelector));
  }

  /** The fields of this form, as a browser sends it: a box not ticked is not sent. */
  static Map<String, String> fields(org.jsoup.nodes.Element form) {
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[name]").stream()
        .filter(input -> !input.is("[type=checkbox], [type=radio]") || input.hasAttr("checked"))
        .forEach(input -> fields.put(input.attr("name"), input.val()));
    form.select("textarea[name]").forEach(area -> fields.put(area.attr("name"), area.text()));
    // the option chosen, or else the first
    form.select("select[name]")
        .forEach(
            select -> {
              var chosen = select.selectFirst("option[selected]");
              var option = chosen != null ? chosen : select.selectFirst("option");
              if (option != null) {
                fields.put(select.attr("name"), option.val());
              }
            });
    return fields;
  }

  /** The admin menu's entries, without the number of waiting comments beside one. */
  static List<String> menu(Document page) {
    return page.select("nav[aria-label=Admin] a").stream().map(a -> a.ownText().strip()).toList();
  }
}

package io.inkwell.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: sends exactly the bytes and headers a client would. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String clientAddress;
  private final String token;

  public ApiClient(String baseUrl) {
    this(baseUrl, null);
  }

  /** A client with an address of its own, as the gateway reports it in X-Forwarded-For. */
  public ApiClient(String baseUrl, String clientAddress) {
    this(baseUrl, clientAddress, null);
  }

  private ApiClient(String baseUrl, String clientAddress, String token) {
    this.baseUrl = baseUrl;
    this.clientAddress = clientAddress;
    this.token = token;
  }

  /** The same client sending {@code Authorization: Bearer token} with every request. */
  public ApiClient withToken(String token) {
    return new ApiClient(baseUrl, clientAddress, token);
  }

  public String clientAddress() {
    return clientAddress;
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response post(String path, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of(headers));
    return send(
        request(path, all.toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response postAs(String path, String contentType, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
    all.addAll(List.of(headers));
    return send(
        request(path, all.toArray(String[]::new)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(String path, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of(headers));
    return send(
        request(path, all.toArray(String[]::new)).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST of bytes as they are: a file in another character set than UTF-8. */
  public Response postAs(String path, String contentType, byte[] body) {
    return send(
        request(path, "Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response putAs(String path, String contentType, String body) {
    return send(
        request(path, "Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST of one file, as a browser's file input sends it. */
  public Response upload(
      String path, String field, String filename, String contentType, byte[] content) {
    String boundary = "inkwell-" + UUID.randomUUID();
    String head =
        "--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                .formatted(boundary, field, filename)
            + "Content-Type: "
            + contentType
            + "\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return send(
        request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                    HttpRequest.BodyPublishers.ofByteArray(content),
                    HttpRequest.BodyPublishers.ofByteArray(tail))));
  }

  /** A GET whose answer is kept as bytes (a picture). */
  public HttpResponse<byte[]> bytes(String path, String... headers) {
    try {
      return http.send(request(path, headers).GET().build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A HEAD: the headers a GET would answer, without its body. */
  public Response head(String path) {
    return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private HttpRequest.Builder request(String path, String... headers) {
    var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (clientAddress != null) {
      builder.header("X-Forwarded-For", clientAddress);
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      return new Response(http.send(request.build(), BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String text(String field) {
      return json().path(field).asString();
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}

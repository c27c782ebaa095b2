package io.inkwell.web.api;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * How the web module reaches the API through the gateway: HTTP/1.1 (the JDK client would offer the
 * gateway an h2c upgrade it does not take), no redirects followed (the web module answers them
 * itself), and never a wait without end: a connection that cannot be made in two seconds, or an
 * answer that does not come in time, is a {@code ResourceAccessException}, which readers see as the
 * calm 503 page rather than a page that never loads.
 */
public final class ApiConnections {

  private static final Duration CONNECT = Duration.ofSeconds(2);

  private ApiConnections() {}

  /**
   * @param answerWithin longer than the gateway's response timeout of the routes asked, so that its
   *     504 comes first and this only ends a connection that went silent
   */
  public static JdkClientHttpRequestFactory requestFactory(Duration answerWithin) {
    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(answerWithin);
    return factory;
  }
}

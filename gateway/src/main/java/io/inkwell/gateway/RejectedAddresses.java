package io.inkwell.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;

/**
 * Requests Spring Security's firewall refuses before any route sees them: an address with {@code
 * //}, encoded {@code ..} or {@code ;} in its path is a 400 problem that says why, a method no
 * route takes ({@code TRACE}, {@code CONNECT}, made-up ones) a 405 with {@code Allow}, instead of
 * an empty answer. A path whose escapes are not UTF-8 text ({@code /posts/caf%E9}, a link from a
 * page written in Latin-1) is refused here too, with the same page: the service behind would answer
 * it with its web server's own error page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedAddresses {

  /** The firewall's own list: the methods an address of the blog may be asked with. */
  private static final Set<HttpMethod> ALLOWED =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.PATCH,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS);

  /** Spring Security's strict firewall, after a check that the path's escapes are UTF-8. */
  @Bean
  ServerWebExchangeFirewall firewall() {
    var strict = new StrictServerWebExchangeFirewall();
    return exchange ->
        isUtf8(exchange.getRequest().getURI().getRawPath())
            ? strict.getFirewalledExchange(exchange)
            : Mono.error(new NotUtf8("The path's escapes are not UTF-8."));
  }

  /** Whether the raw path's {@code %XX} escapes, with the characters between, decode as UTF-8. */
  static boolean isUtf8(String rawPath) {
    if (rawPath == null || rawPath.indexOf('%') < 0) {
      return true;
    }
    var bytes = new ByteArrayOutputStream(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%' && i + 2 < rawPath.length() && isHex(rawPath, i + 1) && isHex(rawPath, i + 2)) {
        bytes.write(HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
        i += 2;
      } else {
        // a character outside ASCII or a lone % is for the firewall and Netty to judge
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isHex(String text, int at) {
    return Character.digit(text.charAt(at), 16) >= 0;
  }

  /** A path that cannot be read as text. */
  static final class NotUtf8 extends ServerExchangeRejectedException {
    NotUtf8(String message) {
      super(message);
    }
  }

  @Bean
  ServerExchangeRejectedHandler problemForRejectedAddresses() {
    return (exchange, rejected) -> {
      HttpMethod method = exchange.getRequest().getMethod();
      if (!ALLOWED.contains(method)) {
        exchange.getResponse().getHeaders().setAllow(ALLOWED);
        return Problems.write(
            exchange,
            HttpStatus.METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "The blog does not answer " + method.name() + " requests.");
      }
      return Problems.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          "bad-request",
          rejected instanceof NotUtf8
              ? "This address is not one the blog answers: its %-escapes are not UTF-8 text."
              // the firewall checks a header's value when it is read, after the address
              : String.valueOf(rejected.getMessage()).contains("the header")
                  ? Problems.UNREADABLE_HEADER
                  : "This address is not one the blog answers: it has an empty, encoded or dot"
                      + " segment.");
    };
  }
}

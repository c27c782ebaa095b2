package io.inkwell.gateway;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client is, and whether it came over TLS, as far as it can be trusted. The connection's
 * address is the client unless it is a trusted proxy (the web client calling the API for a reader,
 * a TLS-terminating proxy in front): then the X-Forwarded-For entries are walked from the right
 * while they name trusted proxies too. So nobody escapes a rate limit by sending an address of
 * their own choosing, and a reader behind the web client is counted as the reader.
 */
@Component
class ClientAddresses {

  private final Pattern trusted;

  ClientAddresses(GatewaySettings settings) {
    this.trusted = Pattern.compile(settings.trustedProxies());
  }

  String client(ServerWebExchange exchange) {
    String address = connection(exchange);
    String chain = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
    if (chain == null || chain.isBlank()) {
      return address;
    }
    String[] hops = chain.split(",");
    for (int i = hops.length - 1; i >= 0 && isTrusted(address); i--) {
      address = hops[i].strip();
    }
    return address;
  }

  /** Over TLS to us, or to a trusted proxy that says so. */
  boolean overTls(ServerWebExchange exchange) {
    if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
      return true;
    }
    return isTrusted(connection(exchange))
        && "https"
            .equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"));
  }

  private boolean isTrusted(String address) {
    return trusted.matcher(address).matches();
  }

  private static String connection(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null
        ? remote.getAddress().getHostAddress()
        : remote.getHostString();
  }
}

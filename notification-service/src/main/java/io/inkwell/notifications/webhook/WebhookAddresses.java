package io.inkwell.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may call: addresses on the internet, not the platform's own network. A webhook is
 * a POST that notification-service makes from inside the platform to an address an admin typed;
 * without this, {@code http://post-service:8081/…}, a database's port or a cloud's metadata service
 * ({@code 169.254.169.254}) would be one form away. GitHub and Stripe refuse such addresses too.
 *
 * <p>The check is made on the addresses a name resolves to, each time a call connects (this is the
 * resolver of the webhooks' HTTP client), so a name that resolves to a public address when the
 * webhook is added and to a private one later (DNS rebinding) is refused as well. An installation
 * whose receivers live in its own network (a blog with its site builder next to it) names those
 * hosts in {@code inkwell.notifications.webhook-private-hosts}, or {@code *} for any (the local
 * stack, where everything is on one machine).
 */
@Component
public class WebhookAddresses implements DnsResolver {

  private final Set<String> privateHosts;

  WebhookAddresses(
      @Value("${inkwell.notifications.webhook-private-hosts:}") Set<String> privateHosts) {
    this.privateHosts =
        privateHosts.stream()
            .map(String::strip)
            .map(host -> host.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the host may be called wherever it is: one the installation named, or any. */
  private boolean mayBePrivate(String host) {
    return privateHosts.contains("*") || privateHosts.contains(host.toLowerCase(Locale.ROOT));
  }

  /**
   * The host's private address when it has one and they are not allowed; empty when it may be
   * called, or when it cannot be resolved now (a receiver that is not up yet is tried later, and
   * checked again then).
   */
  Optional<InetAddress> refused(String host) {
    if (mayBePrivate(host)) {
      return Optional.empty();
    }
    try {
      return Arrays.stream(InetAddress.getAllByName(host))
          .filter(WebhookAddresses::isPrivate)
          .findFirst();
    } catch (UnknownHostException notResolvedNow) {
      return Optional.empty();
    }
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
    if (!mayBePrivate(host)) {
      for (InetAddress address : addresses) {
        if (isPrivate(address)) {
          throw new PrivateAddress(host, address);
        }
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }

  /**
   * Whether the address is not one of the internet's: this host, a private network (RFC 1918, the
   * carrier-grade NAT range, IPv6 unique local), link-local (the clouds' metadata services),
   * multicast, or a range reserved for no host at all.
   */
  static boolean isPrivate(InetAddress address) {
    if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
      try {
        return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(v6.getAddress(), 12, 16)));
      } catch (UnknownHostException cannotBe) {
        return true;
      }
    }
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    if (bytes.length == 4) {
      return first == 0 // "this network"
          || (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10, carrier-grade NAT
          || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24, IETF
          || (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15, benchmarking
          || first >= 240; // reserved, and the broadcast address
    }
    return (first & 0xfe) == 0xfc; // fc00::/7, unique local
  }

  /** A webhook's host resolves to an address inside the platform's network. */
  static final class PrivateAddress extends UnknownHostException {

    PrivateAddress(String host, InetAddress address) {
      super(host + " is " + address.getHostAddress() + ", a private address");
    }
  }
}

package io.inkwell.posts.importer;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an import may fetch pictures from: hosts on the internet, not the platform's own network.
 * The addresses come from an uploaded file, so without this an export naming {@code
 * http://auth-service:9000/…} or a cloud's metadata service ({@code 169.254.169.254}) as a picture
 * would have post-service fetch it and show what it answered (an image reader takes only pictures,
 * but a picture-shaped answer of a service inside the network would be one). The check is made on
 * the addresses a name resolves to, each time the picture client connects, redirects included, as
 * notification-service checks webhooks'. An installation whose old blog lives in its own network
 * names that host in {@code inkwell.imports.picture-private-hosts}, or {@code *} for any.
 */
@Component
class PictureHosts implements DnsResolver {

  private final Set<String> privateHosts;

  PictureHosts(@Value("${inkwell.imports.picture-private-hosts:}") Set<String> privateHosts) {
    this.privateHosts =
        privateHosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
    if (privateHosts.contains("*") || privateHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        throw new PrivateAddress(host, address);
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

  /** A picture's host resolves to an address inside the platform's network. */
  static final class PrivateAddress extends UnknownHostException {

    PrivateAddress(String host, InetAddress address) {
      super(
          (host.equals(address.getHostAddress())
                  ? host
                  : host + " is " + address.getHostAddress() + ",")
              + " inside this blog's network");
    }
  }
}

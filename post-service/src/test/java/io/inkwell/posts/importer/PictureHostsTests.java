package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PictureHostsTests {

  private final PictureHosts internetOnly = new PictureHosts(Set.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.0.0.7",
        "172.16.4.2",
        "192.168.1.10",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fd12:3456::1",
        "::ffff:10.0.0.7",
        "::10.0.0.7"
      })
  void anExportCannotHaveTheImportFetchFromInsideTheBlogsNetwork(String address) {
    assertThatThrownBy(() -> internetOnly.resolve(address))
        .isInstanceOf(PictureHosts.PrivateAddress.class)
        .hasMessageContaining("inside this blog's network");
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "142.250.74.97", "2606:4700::6810:84e5"})
  void picturesOnTheInternetAreFetched(String address) throws UnknownHostException {
    assertThat(internetOnly.resolve(address)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"LocalHost", "localhost"})
  void anOldBlogInTheInstallationsOwnNetworkIsFetchedWhenItsHostIsNamed(String host)
      throws UnknownHostException {
    var named = new PictureHosts(Set.of(" localhost "));

    assertThat(named.resolve(host)).isNotEmpty();
    assertThatThrownBy(() -> named.resolve("127.0.0.1"))
        .isInstanceOf(PictureHosts.PrivateAddress.class);
  }
}

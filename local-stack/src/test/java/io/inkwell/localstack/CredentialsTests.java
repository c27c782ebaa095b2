package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated secrets of a data folder: made once, kept, and completed when new ones come. */
class CredentialsTests {

  @Test
  void aFirstStartGeneratesSecretsAndLaterStartsReadTheSame(@TempDir Path data) throws Exception {
    var first = Credentials.loadOrCreate(data);
    var again = Credentials.loadOrCreate(data);

    assertThat(first.ownerPassword()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(first.signingKeySecret()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void aDataFolderFromBeforeTheSigningKeySecretGetsOneAndKeepsItsPasswords(@TempDir Path data)
      throws Exception {
    Files.writeString(
        data.resolve(Credentials.FILE),
        """
        owner.email=owner@inkwell.localhost
        owner.password=the-old-password
        integration.client-id=local-stack
        integration.secret=the-old-secret
        """);

    var loaded = Credentials.loadOrCreate(data);

    assertThat(loaded.ownerPassword()).isEqualTo("the-old-password");
    assertThat(loaded.clientSecret()).isEqualTo("the-old-secret");
    assertThat(loaded.signingKeySecret()).isNotBlank();
    assertThat(Credentials.loadOrCreate(data).signingKeySecret())
        .isEqualTo(loaded.signingKeySecret());
  }
}

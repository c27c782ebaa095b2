package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    assertThat(first.tokenSecret())
        .as("its own, not the one anyone can read in the source")
        .hasSizeGreaterThanOrEqualTo(40)
        .isNotEqualTo(Credentials.EARLIER_TOKEN_SECRET);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void aDataFolderFromBeforeTheSigningKeySecretGetsOneAndKeepsItsPasswords(@TempDir Path data)
      throws Exception {
    earlierFile(data, "");

    var loaded = Credentials.loadOrCreate(data);

    assertThat(loaded.ownerPassword()).isEqualTo("the-old-password");
    assertThat(loaded.clientSecret()).isEqualTo("the-old-secret");
    assertThat(loaded.signingKeySecret()).isNotBlank();
    assertThat(Credentials.loadOrCreate(data).signingKeySecret())
        .isEqualTo(loaded.signingKeySecret());
  }

  /**
   * The links in the mails a data folder from before sent were signed with notification-service's
   * development default: it keeps that one, so that they (unsubscribe among them) go on working.
   */
  @Test
  void aDataFolderFromBeforeTheTokenSecretKeepsTheOneItsMailsWereSignedWith(@TempDir Path data)
      throws Exception {
    earlierFile(data, "signing-key.secret=the-old-signing-key-secret\n");

    assertThat(Credentials.loadOrCreate(data).tokenSecret())
        .isEqualTo(Credentials.EARLIER_TOKEN_SECRET);
    assertThat(Files.readString(data.resolve(Credentials.FILE)))
        .contains("token.secret=" + Credentials.EARLIER_TOKEN_SECRET);
    assertThat(
            Files.readString(Path.of("../notification-service/src/main/resources/application.yml")))
        .as("the default it was")
        .contains("${INKWELL_TOKEN_SECRET:" + Credentials.EARLIER_TOKEN_SECRET + "}");
  }

  /** The credentials an earlier local stack wrote: the passwords, and these lines. */
  private static void earlierFile(Path data, String lines) throws IOException {
    Files.writeString(
        data.resolve(Credentials.FILE),
        """
        owner.email=owner@inkwell.localhost
        owner.password=the-old-password
        integration.client-id=local-stack
        integration.secret=the-old-secret
        """
            + lines);
  }
}

package io.inkwell.notifications.subscription;

import io.inkwell.notifications.NotificationSettings;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed tokens for the links in mails: bound to one subscriber (or, for a commenter, a post and
 * the hash of an address) and one purpose, valid until a time, and unforgeable without the secret.
 * Nothing is stored; the signature is the proof.
 */
@Component
public class Tokens {

  /** What a token allows. */
  public enum Purpose {
    CONFIRM,
    /** "I did not ask: never mail me asking again", in the mail that asks to confirm. */
    REFUSE,
    UNSUBSCRIBE,
    /** Reading and changing one's preferences. */
    MANAGE,
    /** A commenter's "no more mails about replies on this post". */
    STOP_REPLIES,
    /** A commenter's "yes, mail me each new comment on this post", asked by mail first. */
    CONFIRM_FOLLOW
  }

  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;

  Tokens(NotificationSettings settings, Clock clock) {
    this.key =
        new SecretKeySpec(settings.tokenSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  public String issue(String subscriberId, Purpose purpose, Instant expiresAt) {
    String claims = subscriberId + "|" + purpose + "|" + expiresAt.getEpochSecond();
    byte[] payload = claims.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The subscriber a valid, unexpired token for this purpose names; empty for anything else. */
  public Optional<String> verify(String token, Purpose purpose) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] signature = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        return Optional.empty();
      }
      String[] claims = new String(payload, StandardCharsets.UTF_8).split("\\|");
      if (claims.length != 3 || !claims[1].equals(purpose.name())) {
        return Optional.empty();
      }
      if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(claims[2])))) {
        return Optional.empty();
      }
      return Optional.of(claims[0]);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}

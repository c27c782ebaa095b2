package io.inkwell.notifications.subscription;

public class InvalidToken extends RuntimeException {

  public InvalidToken() {
    this("The link is invalid or has expired; subscribe again to get a new one.");
  }

  /** With what to do instead, where subscribing again is not it. */
  public InvalidToken(String message) {
    super(message);
  }
}

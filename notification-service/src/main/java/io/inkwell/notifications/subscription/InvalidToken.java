package io.inkwell.notifications.subscription;

public class InvalidToken extends RuntimeException {

  public InvalidToken() {
    super("The link is invalid or has expired; subscribe again to get a new one.");
  }
}

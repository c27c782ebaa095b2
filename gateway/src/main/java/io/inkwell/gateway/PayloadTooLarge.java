package io.inkwell.gateway;

/** A chunked body grew past the limit while it was streamed. */
class PayloadTooLarge extends RuntimeException {

  PayloadTooLarge(long maxBytes) {
    super("The request body is larger than " + maxBytes + " bytes.");
  }
}

package io.inkwell.web.reader;

/** Nothing to show at this address: the friendly 404 page. */
class NotFound extends RuntimeException {

  NotFound() {
    super("Not found");
  }
}

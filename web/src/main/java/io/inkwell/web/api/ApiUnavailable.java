package io.inkwell.web.api;

import org.springframework.web.client.RestClientException;

/**
 * The API answered with a server error (the gateway's 503 while a service is down, a 500, a
 * timeout's 504): a page made of that answer would say something false ("Nothing here yet", a 404
 * for a post that exists), so the page is not made.
 */
public class ApiUnavailable extends RestClientException {

  ApiUnavailable(String uri, int status) {
    super("The API answered " + status + " to " + uri);
  }
}

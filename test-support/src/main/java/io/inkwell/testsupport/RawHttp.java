package io.inkwell.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An HTTP/1.1 request written to the socket byte for byte, for a header whose value Java's HTTP
 * client would not send as it is: that client writes "?" for every byte outside ASCII, so a client
 * that sends raw UTF-8 (or any bytes) in a header cannot be played with it.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code method path} with the ASCII {@code headers} ("Name: value"), the header {@code
   * rawName} with {@code rawValue} as it is, and {@code body}, on a connection of its own.
   *
   * @return all the server answered, status line, headers and body, read as UTF-8
   */
  public static String exchange(
      int port,
      String method,
      String path,
      List<String> headers,
      String rawName,
      byte[] rawValue,
      byte[] body)
      throws IOException {
    var request = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: localhost:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    head.append(rawName).append(": ");
    request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(rawValue);
    request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

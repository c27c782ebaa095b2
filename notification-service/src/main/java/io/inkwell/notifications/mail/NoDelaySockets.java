package io.inkwell.notifications.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off ({@code TCP_NODELAY}), for the SMTP connection ({@code
 * mail.smtp.socketFactory.class}). A mail's last few bytes and the {@code .} that ends its {@code
 * DATA} are a small write after a large one; with Nagle on, it waits for the server to acknowledge
 * the large one, which the server delays, so every mail of a batch waited for that delayed
 * acknowledgement before the server could answer it.
 */
public final class NoDelaySockets extends SocketFactory {

  private static final NoDelaySockets INSTANCE = new NoDelaySockets();

  /** What Jakarta Mail calls to get the factory it was named. */
  public static SocketFactory getDefault() {
    return INSTANCE;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}

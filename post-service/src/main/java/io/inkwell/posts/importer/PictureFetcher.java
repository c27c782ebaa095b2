package io.inkwell.posts.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches a picture from the old blog's host: over HTTP(S) only, from hosts on the internet ({@link
 * PictureHosts}), at most {@code inkwell.imports.picture-max-size} of it, the whole answer within
 * {@code inkwell.imports.picture-timeout}, through at most five redirects. Another file (audio,
 * video, a document) is fetched the same way into a temporary file, at most {@code
 * inkwell.imports.file-max-size} of it within {@code inkwell.imports.file-timeout}.
 */
@Component
class PictureFetcher implements DisposableBean {

  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(daemonThreads("picture-fetch-deadlines-"));
  private final Duration timeout;
  private final long maxBytes;
  private final Duration fileTimeout;
  private final long maxFileBytes;

  PictureFetcher(
      PictureHosts hosts,
      @Value("${inkwell.imports.picture-timeout:20s}") Duration timeout,
      @Value("${inkwell.imports.picture-max-size:10MB}") DataSize maxSize,
      @Value("${inkwell.imports.file-timeout:10m}") Duration fileTimeout,
      @Value("${inkwell.imports.file-max-size:${inkwell.files.max-size:100MB}}")
          DataSize maxFileSize) {
    this.timeout = timeout;
    this.maxBytes = maxSize.toBytes();
    this.fileTimeout = fileTimeout;
    this.maxFileBytes = maxFileSize.toBytes();
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(hosts)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(timeout.dividedBy(2)))
                            .setSocketTimeout(Timeout.of(timeout))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(timeout))
                    .setMaxRedirects(5)
                    .build())
            .setUserAgent("Inkwell-Import/1 (copying a blog's own pictures)")
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
  }

  /**
   * Why a picture was not fetched, as an admin reads it.
   *
   * @param temporary whether trying again later may fetch it (the host was down or slow)
   */
  static final class NotFetched extends Exception {

    private final boolean temporary;

    NotFetched(String reason, boolean temporary) {
      super(reason, null, false, false);
      this.temporary = temporary;
    }

    boolean temporary() {
      return temporary;
    }
  }

  byte[] fetch(URI address) throws NotFetched {
    return get(address, "image/webp,image/png,image/jpeg,image/gif;q=0.9", timeout, this::body);
  }

  /** The file at the address, in a temporary file that the caller deletes. */
  Path fetchFile(URI address) throws NotFetched {
    return get(address, "*/*", fileTimeout, this::toFile);
  }

  /** How long the longest fetch may take. */
  Duration longest() {
    return fileTimeout.compareTo(timeout) > 0 ? fileTimeout : timeout;
  }

  /** What is made of an answer's body. */
  private interface Body<T> {
    T read(HttpEntity entity) throws IOException;
  }

  private <T> T get(URI address, String accept, Duration within, Body<T> body) throws NotFetched {
    String scheme = address.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new NotFetched("not a web address", false);
    }
    var request = new HttpGet(address);
    request.addHeader("Accept", accept);
    var deadline = deadlines.schedule(request::cancel, within.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return http.execute(
          request,
          response -> {
            int status = response.getCode();
            if (status == 404 || status == 410) {
              return refused("not there any more (" + status + ")", false);
            }
            if (status == 429 || status >= 500) {
              return refused("the host answered " + status, true);
            }
            if (status >= 300) {
              return refused("the host answered " + status, false);
            }
            return body.read(response.getEntity());
          });
    } catch (Refused refused) {
      throw refused.reason;
    } catch (PictureHosts.PrivateAddress e) {
      throw new NotFetched(e.getMessage(), false);
    } catch (UnknownHostException e) {
      throw new NotFetched("no host of that name now", true);
    } catch (ClientProtocolException e) {
      throw new NotFetched("no picture at the end of its redirects", false);
    } catch (SocketTimeoutException e) {
      throw new NotFetched(tooLate(within), true);
    } catch (IOException e) {
      throw new NotFetched(
          request.isCancelled()
              ? tooLate(within)
              : "no answer (" + e.getClass().getSimpleName() + ")",
          true);
    } finally {
      deadline.cancel(false);
    }
  }

  private static String tooLate(Duration within) {
    return "not all there within " + within.toSeconds() + " seconds";
  }

  private byte[] body(HttpEntity entity) throws IOException {
    if (entity == null) {
      return refused("the host sent nothing", false);
    }
    if (entity.getContentLength() > maxBytes) {
      return refused(tooLarge(maxBytes), false);
    }
    try (InputStream in = entity.getContent()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        return refused(tooLarge(maxBytes), false);
      }
      return bytes;
    }
  }

  /** The body in a temporary file, never more than the largest file of it. */
  private Path toFile(HttpEntity entity) throws IOException {
    if (entity == null) {
      return refused("the host sent nothing", false);
    }
    if (entity.getContentLength() > maxFileBytes) {
      return refused(tooLarge(maxFileBytes), false);
    }
    Path file = Files.createTempFile("inkwell-import-", ".part");
    try (InputStream in = entity.getContent();
        OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long written = 0;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        written += read;
        if (written > maxFileBytes) {
          return refused(tooLarge(maxFileBytes), false);
        }
        out.write(buffer, 0, read);
      }
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static String tooLarge(long bytes) {
    return "larger than " + DataSize.ofBytes(bytes).toMegabytes() + " MB";
  }

  /** Carries a refusal out of the client's answer handler, which may throw only IOException. */
  private static <T> T refused(String reason, boolean temporary) throws Refused {
    throw new Refused(new NotFetched(reason, temporary));
  }

  private static final class Refused extends IOException {

    private final NotFetched reason;

    Refused(NotFetched reason) {
      super(reason.getMessage(), null);
      this.reason = reason;
    }
  }

  /** Threads that do not keep the JVM alive, named by {@code prefix} and a number. */
  static ThreadFactory daemonThreads(String prefix) {
    var threads = new CustomizableThreadFactory(prefix);
    threads.setDaemon(true);
    return threads;
  }

  @Override
  public void destroy() throws IOException {
    deadlines.shutdownNow();
    http.close();
  }
}

package io.inkwell.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Requests the gateway cannot read as HTTP with an address: a request line or headers beyond what
 * Netty reads (64 KB), or an address no URI can carry ({@code %ZZ}, a raw {@code \}, {@code |} or
 * space, a broken link copied from elsewhere). Netty and Spring would answer them with an empty
 * 414, 431 or 400; here they get the problem the gateway gives for an address or headers too large
 * ({@link RequestSizeLimit}) or a 400 that says why, as a page of the blog to a browser opening a
 * page, and the connection is closed, as after any request whose end cannot be known.
 */
@Component
class UnreadableRequests implements NettyServerCustomizer {

  private static final String HANDLER = "inkwell.unreadableRequests";

  static final String UNREADABLE_ADDRESS =
      "This address is not one the blog answers: it has characters no address can carry, such as"
          + " a % not followed by two hexadecimal digits, a space or a backslash.";

  private final long maxUriLength;
  private final long maxHeaderSize;
  private final ObjectProvider<SiteLanguage> language;

  UnreadableRequests(GatewaySettings settings, ObjectProvider<SiteLanguage> language) {
    this.maxUriLength = settings.maxUriLength().toBytes();
    this.maxHeaderSize = settings.maxHeaderSize().toBytes();
    this.language = language;
  }

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit(
        (observer, channel, address) -> {
          var pipeline = channel.pipeline();
          if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new Refusing());
          }
        });
  }

  /** What the request is refused with, or null when it can be read. */
  FullHttpResponse refusalOf(HttpRequest request) {
    DecoderResult decoded = request.decoderResult();
    if (decoded.isFailure()) {
      Throwable cause = decoded.cause();
      if (cause instanceof TooLongHttpLineException) {
        return problem(
            request,
            HttpStatus.URI_TOO_LONG,
            "uri-too-long",
            RequestSizeLimit.uriTooLong(maxUriLength));
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return problem(
            request,
            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers-too-large",
            RequestSizeLimit.headersTooLarge(maxHeaderSize));
      }
      return problem(
          request, HttpStatus.BAD_REQUEST, "bad-request", "The request is not readable HTTP.");
    }
    if (!readable(request.uri())) {
      return respond(request, HttpStatus.BAD_REQUEST, "bad-request", UNREADABLE_ADDRESS);
    }
    return null;
  }

  /** Whether Spring can make a URI of the request's address, as it does of every request. */
  private static boolean readable(String uri) {
    try {
      new URI(uri.startsWith("/") ? "http://gateway" + uri : uri);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A refusal of a request whose address and headers were not read: always problem+json. */
  private static FullHttpResponse problem(
      HttpRequest request, HttpStatus status, String type, String detail) {
    return response(
        request,
        status,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        Problems.problem(status, type, detail, null));
  }

  /** A refusal of a request whose headers were read: a page to a browser asking for a page. */
  private FullHttpResponse respond(
      HttpRequest request, HttpStatus status, String type, String detail) {
    String path = request.uri().split("\\?", 2)[0];
    if (!Problems.wantsPage(path, accepted(request))) {
      return problem(request, status, type, detail);
    }
    var site = language.getIfAvailable();
    return response(
        request,
        status,
        MediaType.TEXT_HTML_VALUE + ";charset=UTF-8",
        Problems.page(
            status, detail, site == null ? SiteLanguage.Writing.ENGLISH : site.current()));
  }

  private static List<MediaType> accepted(HttpRequest request) {
    try {
      return MediaType.parseMediaTypes(request.headers().getAll(HttpHeaderNames.ACCEPT));
    } catch (InvalidMediaTypeException e) {
      return List.of();
    }
  }

  private static FullHttpResponse response(
      HttpRequest request, HttpStatus status, String contentType, byte[] body) {
    boolean head = HttpMethod.HEAD.equals(request.method());
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(status.value()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'self'");
    return response;
  }

  /**
   * Sits right after the HTTP codec of each connection: answers a request it refuses, drops what
   * the connection still sends and closes it; passes every other request on untouched.
   */
  private final class Refusing extends ChannelInboundHandlerAdapter {

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      if (refused) {
        ReferenceCountUtil.release(message);
        return;
      }
      if (message instanceof HttpRequest request) {
        FullHttpResponse refusal = refusalOf(request);
        if (refusal != null) {
          refused = true;
          ReferenceCountUtil.release(message);
          context.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
          return;
        }
      }
      context.fireChannelRead(message);
    }
  }
}

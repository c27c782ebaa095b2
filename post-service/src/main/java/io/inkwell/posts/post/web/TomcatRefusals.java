package io.inkwell.posts.post.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before the service reads the request, such as an address with an encoded
 * slash, a null character or a raw {@code [} that reached the service directly rather than through
 * the gateway, is answered as problem+json like every other refusal, not with Tomcat's HTML page.
 * Boot's own error report valve (which leaves out the report and the server's name) is replaced by
 * one that writes the problem; errors the service answers itself never reach it.
 */
@Component
class TomcatRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /** Runs after Boot's customizer (order 0), so Boot's valve is there to be replaced. */
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          StandardHost host = (StandardHost) context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.setErrorReportValveClass(ProblemReportValve.class.getName());
          host.getPipeline().addValve(new ProblemReportValve());
        });
  }

  /** Tomcat's error report, written as the service's problem+json. */
  static final class ProblemReportValve extends ErrorReportValve {

    /** ASCII alone, so that the answer reads the same whatever charset a client assumes. */
    private static final JsonMapper JSON =
        JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      try {
        response.setContentType("application/problem+json");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(problem(status, request.getRequestURI()));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response was taken: nothing more to tell
      }
    }

    private static String problem(int status, String address) {
      HttpStatus known = HttpStatus.resolve(status);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put(
          "type", status == 400 ? "https://inkwell.dev/problems/bad-request" : "about:blank");
      problem.put("title", known == null ? "Error" : known.getReasonPhrase());
      problem.put("status", status);
      problem.put(
          "detail",
          status == 400
              ? "The service could not read this request. Characters such as [ ] { } | and"
                  + " spaces in an address must be percent-encoded, an encoded slash or a null"
                  + " character is refused, and escapes must be UTF-8."
              : status >= 500
                  ? "Something went wrong on our side; the request may be retried."
                  : "The service's web server refused the request before reading it.");
      if (address != null) {
        problem.put("instance", address);
      }
      return JSON.writeValueAsString(problem);
    }
  }
}

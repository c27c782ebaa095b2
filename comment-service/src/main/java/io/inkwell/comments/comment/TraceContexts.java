package io.inkwell.comments.comment;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps the trace of the request that raised an event with the event in the outbox, so that the
 * relay, which runs on its own schedule, sends it within that trace: one publish is one trace from
 * the gateway to every consumer.
 */
@Component
public class TraceContexts {

  public static final String FIELD = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  TraceContexts(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The W3C {@code traceparent} of the current span, or {@code null} outside any trace. */
  public String current() {
    Span span = tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return carrier.get(FIELD);
  }

  /** A new span that continues the given trace, or starts one when there is none. */
  public Span continueWith(String traceparent, String name) {
    if (traceparent == null) {
      return tracer.nextSpan().name(name).start();
    }
    return propagator.extract(Map.of(FIELD, traceparent), Map::get).name(name).start();
  }

  public Tracer.SpanInScope inScope(Span span) {
    return tracer.withSpan(span);
  }
}

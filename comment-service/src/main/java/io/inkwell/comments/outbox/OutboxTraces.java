package io.inkwell.comments.outbox;

import io.inkwell.comments.comment.Comment;
import io.inkwell.comments.comment.TraceContexts;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Writes the trace of the request that raised an event beside the event in the comment's outbox
 * (the event itself stays as its contract says), so that the relay sends it within that trace: a
 * moderator's approval and the mail it causes are one trace.
 */
@Component
class OutboxTraces implements BeforeSaveCallback<Comment> {

  private final TraceContexts traces;

  OutboxTraces(TraceContexts traces) {
    this.traces = traces;
  }

  @Override
  public Comment onBeforeSave(Comment comment, Document document, String collection) {
    String traceparent = traces.current();
    if (traceparent == null) {
      return comment;
    }
    for (Document event : document.getList("outbox", Document.class, java.util.List.of())) {
      event.putIfAbsent(TraceContexts.FIELD, traceparent);
    }
    return comment;
  }
}

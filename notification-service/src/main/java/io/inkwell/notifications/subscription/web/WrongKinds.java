package io.inkwell.notifications.subscription.web;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What a client is told when a value is of the wrong kind: a parameter ({@code ?limit=ten}) or a
 * field of a JSON body ({@code "role": "GOD"}, {@code "tags": "x"}) is named with what it takes,
 * and a field given twice in one object ({@code {"title": "a", "title": "b"}}) is named as such.
 */
final class WrongKinds {

  private WrongKinds() {}

  /** "must be ..." of a value of this type. */
  static String expected(Class<?> type) {
    return "must be " + kindOf(type);
  }

  /**
   * The field of the body that was of the wrong kind and what it takes, when the JSON parser knows
   * it ({@code tags[2]}, {@code links[0].label}); empty when the body is not JSON at all.
   */
  static Map<String, String> fieldOf(Throwable cause) {
    if (cause instanceof StreamReadException unreadable && repeated(unreadable)) {
      return Map.of(
          "field",
          where(unreadable.processor().streamReadContext()),
          "message",
          "is given more than once");
    }
    if (!(cause instanceof MismatchedInputException mismatch)) {
      return Map.of();
    }
    StringBuilder field = path(mismatch);
    if (field.isEmpty()) {
      return Map.of();
    }
    return Map.of("field", field.toString(), "message", expected(mismatch.getTargetType()));
  }

  /**
   * Whether the parser stopped at a name the object already had: which value would count is
   * parser-dependent, so such a body is refused (the service's JsonMapper has
   * STRICT_DUPLICATE_DETECTION on).
   */
  private static boolean repeated(StreamReadException e) {
    return e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate Object property")
        && e.processor() != null
        && e.processor().streamReadContext() != null;
  }

  /**
   * {@code items[0].url}: where in the body the parser is, also inside a field the request does not
   * take (which databind's path leaves out).
   */
  private static String where(TokenStreamContext context) {
    var steps = new ArrayDeque<String>();
    for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inObject()) {
        steps.push((at.getParent().inRoot() ? "" : ".") + at.currentName());
      } else {
        steps.push("[" + at.getCurrentIndex() + "]");
      }
    }
    return String.join("", steps);
  }

  /** {@code tags[2]}, {@code links[0].label}: where in the body databind was. */
  private static StringBuilder path(JacksonException e) {
    var field = new StringBuilder();
    for (JacksonException.Reference step : e.getPath()) {
      if (step.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    return field;
  }

  private static String kindOf(Class<?> type) {
    if (type == null) {
      return "of another kind";
    }
    if (type == Instant.class) {
      return "a date and time such as 2009-03-12T16:41:00Z";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of another kind";
  }
}

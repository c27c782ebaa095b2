package io.inkwell.posts.post.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What a client is told when a value is of the wrong kind: a parameter ({@code ?limit=ten}) or a
 * field of a JSON body ({@code "role": "GOD"}, {@code "tags": "x"}) is named with what it takes.
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
    if (!(cause instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
      return Map.of();
    }
    var field = new StringBuilder();
    for (JacksonException.Reference step : mismatch.getPath()) {
      if (step.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        field.append('[').append(step.getIndex()).append(']');
      }
    }
    if (field.isEmpty()) {
      return Map.of();
    }
    return Map.of("field", field.toString(), "message", expected(mismatch.getTargetType()));
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

package io.inkwell.posts.post.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A time in a request body only as ISO 8601 text with its offset ({@code 2009-03-12T16:41:00Z},
 * {@code 2009-03-12T17:41:00+01:00}). Jackson would also take a number, or text of digits alone, as
 * seconds since 1970, so that {@code "publishAt": 1741786860000} (what JavaScript's {@code
 * Date.now()} gives) would date a post thousands of years ahead and {@code 12345} in 1970; such a
 * request is 400 instead, naming the field.
 */
final class DateTimeText extends ValueDeserializer<Instant> {

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
    String text = parser.getString().trim();
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return (Instant) context.handleWeirdStringValue(Instant.class, text, "not a date and time");
    }
  }
}

package io.inkwell.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A post's views as the editor shows them (Blogger's Stats for one post): how many over the period
 * and in all, and a bar a day, the highest day full height.
 *
 * @param days every day of the period, today last
 */
record ViewChart(long inPeriod, long total, List<Bar> days) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  /**
   * @param height percent of the highest day's views; a day with any at least a sliver
   */
  record Bar(LocalDate day, String label, long views, int height) {}

  /** From the API's answer ({@code GET /api/posts/{id}/views}). */
  static ViewChart of(JsonNode series) {
    long most = 0;
    for (JsonNode day : series.path("days")) {
      most = Math.max(most, day.path("views").asLong());
    }
    var bars = new ArrayList<Bar>();
    for (JsonNode day : series.path("days")) {
      long views = day.path("views").asLong();
      LocalDate date = LocalDate.parse(day.path("day").asString());
      int height = most == 0 ? 0 : (int) Math.max(views > 0 ? 2 : 0, views * 100 / most);
      bars.add(new Bar(date, DAY.format(date), views, height));
    }
    return new ViewChart(series.path("inPeriod").asLong(), series.path("total").asLong(), bars);
  }
}

package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What an author reads on the page when the API refuses what the form sent. */
class AdminApiAnswerTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static AdminApi.Answer problem(int status, String json) {
    return new AdminApi.Answer(status, JSON.readTree(json), null);
  }

  @Test
  void aProblemThatPointsAtItsErrorsListsEachField() {
    var answer =
        problem(
            400,
            """
            {"detail": "Some fields are missing or invalid; see errors.",
             "errors": [{"field": "title", "message": "must not be empty"},
                        {"field": "tags", "message": "at most 30 tags"}]}
            """);

    assertThat(answer.problem())
        .isEqualTo(
            "Some fields are missing or invalid: title: must not be empty; tags: at most 30 tags.");
  }

  @Test
  void aProblemWhoseDetailNamesTheFieldIsNotSaidTwice() {
    var answer =
        problem(
            400,
            """
            {"detail": "seasonNumber must be a whole number.",
             "errors": [{"field": "seasonNumber", "message": "must be a whole number"}]}
            """);

    assertThat(answer.problem()).isEqualTo("seasonNumber must be a whole number.");
  }

  @Test
  void anAnswerWithoutABodySaysWhatTheApiAnswered() {
    assertThat(new AdminApi.Answer(502, null, null).problem()).isEqualTo("The API answered 502.");
    assertThat(problem(409, "{\"title\": \"Conflict\"}").problem())
        .isEqualTo("The API answered 409.");
  }
}

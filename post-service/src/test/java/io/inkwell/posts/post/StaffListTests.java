package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The admin's list of drafts, scheduled and published posts takes the readers' filters: an author
 * with a hundred drafts finds the one about the tram by a word, a tag or its author.
 */
class StaffListTests extends IntegrationTest {

  @Test
  void draftsAreFoundByAWordATagOrTheirAuthorAndOnlyAmongThoseTheStaffMemberMaySee() {
    String word = "tram" + UUID.randomUUID().toString().substring(0, 6);
    String tag = "lisbon-" + UUID.randomUUID().toString().substring(0, 6);
    var ann = as("ann-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    String ottoId = "otto-" + UUID.randomUUID();
    var otto = as(ottoId, "Otto Author", "AUTHOR");
    String annsDraft = draft(ann, "The " + word.toUpperCase() + " up the hill", "Climbing.", tag);
    String ottosDraft = draft(otto, "Trains", "The " + word + " and the train.", "rails");
    String annsOther = draft(ann, "Something else", "Nothing to do with it.", tag);

    assertThat(titles(api(), "status=DRAFT&q=" + word)).containsOnly(annsDraft, ottosDraft);
    assertThat(titles(ann, "status=DRAFT&q=" + word))
        .as("an author sees only their own drafts, filtered or not")
        .containsExactly(annsDraft);
    assertThat(titles(api(), "status=DRAFT&tag=" + tag.toUpperCase()))
        .containsExactly(annsOther, annsDraft);
    assertThat(titles(api(), "status=DRAFT&q=" + word + "&author=" + ottoId))
        .containsExactly(ottosDraft);
    assertThat(titles(api(), "status=PUBLISHED&q=" + word)).isEmpty();
    assertThat(titles(api(), "status=DRAFT&q=.*")).doesNotContain(annsDraft, ottosDraft);
    assertThat(titles(api(), "status=draft&q=" + word))
        .as("as Ghost's and WordPress's APIs write it")
        .containsOnly(annsDraft, ottosDraft);
    var unknown = api().get("/api/posts?status=drafty");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("detail")).contains("DRAFT", "PUBLISHED");
  }

  private static String draft(ApiClient who, String title, String body, String tag) {
    var created =
        who.post(
            "/api/posts",
            ApiClient.json(Map.of("title", title, "body", body, "tags", List.of(tag))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return title;
  }

  private static List<String> titles(ApiClient who, String query) {
    var answer = who.get("/api/posts?limit=100&" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().path("items").findValuesAsString("title");
  }
}

package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.mongodb.client.MongoClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** How a tag is written, whoever typed it and however often it is written again. */
class TagNamesTests {

  /**
   * Spellings a tag comes in: accents as marks of their own (one behind an invisible character that
   * goes), capitals that lower-case oddly.
   */
  private static final List<String> TYPED =
      List.of(
          "Cafe\u0301",
          "CAFÉ",
          "İstanbul",
          "ǅemal",
          "Ωmega\u0301",
          " road\u00a0 trips ",
          "zero\u200bwidth",
          "cafe\u200b\u0301",
          "emoji\u200d👩\u200d💻",
          "ﬁle");

  @Test
  void aTagLooksLikeWhatWasTypedAndOneSpellingOfItIsOneTag() {
    assertThat(PostManagement.normalisedTag("Cafe\u0301"))
        .isEqualTo(PostManagement.normalisedTag("café"))
        .isEqualTo("caf\u00e9");
    assertThat(PostManagement.normalisedTag(" Road   Trips ")).isEqualTo("road trips");
    assertThat(PostManagement.normalisedTag("\u00a0Road\u00a0Trips\u2009"))
        .as("pasted from a word processor, its spaces no-break and thin ones")
        .isEqualTo("road trips");
    assertThat(PostManagement.normalisedTag("旅行\u3000日本")).isEqualTo("旅行 日本");
    assertThat(PostManagement.normalisedTag("\u0130zmir"))
        .as("Turkish's dotted capital I, composed or not, is an i")
        .isEqualTo(PostManagement.normalisedTag("I\u0307zmir"))
        .isEqualTo(PostManagement.normalisedTag("izmir"))
        .isEqualTo("izmir");
    assertThat(PostManagement.writtenTag("\u0130zmir")).isEqualTo("\u0130zmir");
  }

  /** Else the start-up pass would find every post's tags "changed" at every start. */
  @Test
  void aTagWrittenOnceStaysAsItIsWhenWrittenAgain() {
    for (String typed : TYPED) {
      String once = PostManagement.normalisedTag(typed);
      assertThat(PostManagement.normalisedTag(once)).as(typed).isEqualTo(once);
    }
  }

  /** The name readers are shown keeps its capitals, cleaned as the tag is, and is of that tag. */
  @Test
  void aTagsNameIsWhatWasTypedCleanedAndStillItsTag() {
    assertThat(PostManagement.writtenTag(" Road \t Trips\u200b ")).isEqualTo("Road Trips");
    assertThat(PostManagement.writtenTag("Cafe\u0301")).isEqualTo("Caf\u00e9");
    for (String typed : TYPED) {
      assertThat(PostManagement.normalisedTag(PostManagement.writtenTag(typed)))
          .as(typed)
          .isEqualTo(PostManagement.normalisedTag(typed));
    }
  }

  /**
   * The names are kept after the post is saved: a database gone by then costs them, not an error
   * for a saved post, which its author would send again and so save twice.
   */
  @Test
  void aDatabaseGoneAfterThePostWasSavedCostsTheNamesNotAnError() {
    try (var gone = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300")) {
      var descriptions =
          new TagDescriptions(new MongoTemplate(gone, "posts"), java.time.Clock.systemUTC());
      assertThatCode(() -> descriptions.remember(List.of("WPC"))).doesNotThrowAnyException();
    }
  }
}

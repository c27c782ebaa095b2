package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** What the request that started an import meets when storing its posts fails midway. */
class ImporterTests {

  private final PostImports imports = mock(PostImports.class);
  private final InlinePictures pictures = mock(InlinePictures.class);
  private final Importer importer = new Importer(imports, pictures, mock(PictureCopying.class));
  private final Actor owner = new Actor("owner", "Owner", Set.of("OWNER"));

  @AfterEach
  void stop() {
    importer.stop();
  }

  @Test
  void aFailureWhileStoringReachesTheRequestAsItWasThrownWithThePostsBeforeItStored() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    var database = new DataAccessResourceFailureException("the database went away");
    when(imports.importPost(any())).thenReturn(true).thenReturn(false).thenThrow(database);

    var run = importer.start(List.of(post("1"), post("2"), post("3")), owner, false);

    assertThatThrownBy(run::finished).isSameAs(database);
    assertThatThrownBy(() -> run.within(Duration.ofSeconds(30))).isSameAs(database);
  }

  @Test
  void anImportStoredWholeSaysSo() {
    when(pictures.stored(anyString(), any())).then(call -> call.getArgument(0));
    when(imports.importPost(any())).thenReturn(true).thenReturn(false);

    var result = importer.start(List.of(post("1"), post("2")), owner, false).finished();

    assertThat(result).isEqualTo(new Importer.Result(1, 1, 0, 0, 2, true));
  }

  private static ImportedPost post(String id) {
    return new ImportedPost(
        "wordpress-" + id,
        null,
        "Post " + id,
        "post-" + id,
        "<p>Text.</p>",
        null,
        List.of(),
        null,
        true,
        false,
        null,
        true,
        false,
        false,
        List.of(),
        null,
        null,
        Map.of());
  }
}

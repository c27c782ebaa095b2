package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.importer.OldPictures.Picture;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OldPicturesTests {

  @Test
  void bloggersPictureInALinkToItsFullSizeIsCopiedAtThatSize() {
    String html =
        "<div class=\"separator\"><a href=\"https://blogger.googleusercontent.com/img/b/R29v/s1600/harbour.jpg\""
            + " imageanchor=\"1\"><img border=\"0\" src=\"https://blogger.googleusercontent.com/img/b/R29v/s320/harbour.jpg\""
            + " width=\"320\"></a></div>";

    assertThat(OldPictures.in(html))
        .containsExactly(
            new Picture(
                "https://blogger.googleusercontent.com/img/b/R29v/s320/harbour.jpg",
                "https://blogger.googleusercontent.com/img/b/R29v/s1600/harbour.jpg"));
    assertThat(OldPictures.in(html).get(0).sources())
        .extracting(URI::getPath)
        .containsExactly("/img/b/R29v/s1600/harbour.jpg", "/img/b/R29v/s320/harbour.jpg");
  }

  @Test
  void aLinkToAPageIsNoLargerPictureAndTheBlogsOwnPicturesAreNotCopied() {
    String html =
        "<a href=\"https://old.example.org/2011/05/boats/\"><img src=\"https://old.example.org/wp-content/uploads/boats-300x200.jpg\"></a>"
            + "<img src=\"/api/images/3f9a.jpg\"><img src=\"images/local.png\">"
            + "<img src=\"//cdn.example.org/quay.png\"><img src=\"data:image/png;base64,AAAA\">";

    assertThat(OldPictures.in(html))
        .containsExactly(
            new Picture("https://old.example.org/wp-content/uploads/boats-300x200.jpg", null),
            new Picture("//cdn.example.org/quay.png", null));
    // an address without its scheme is fetched over HTTPS
    assertThat(OldPictures.in(html).get(1).sources())
        .containsExactly(URI.create("https://cdn.example.org/quay.png"));
  }

  @Test
  void anAddressWithSpacesOrLettersOutsideAsciiIsFetchedAsABrowserWouldAskForIt() {
    var picture = new Picture("https://old.example.org/uploads/Café au lait.jpg", null);

    assertThat(picture.sources())
        .extracting(URI::toASCIIString)
        .containsExactly("https://old.example.org/uploads/Caf%C3%A9%20au%20lait.jpg");
  }

  @Test
  void onlyTheAddressesThatMovedChangeAndTheRestOfTheMarkupStaysAsItWas() {
    String html =
        "<p>See <a href='https://old.example.org/a.jpg?x=1&amp;y=2'>the picture</a>, <em>here</em>:</p>\n\n"
            + "<img alt=\"A\" SRC = \"https://old.example.org/a.jpg?x=1&amp;y=2\" width=\"320\">\n"
            + "<img src=\"https://old.example.org/b.jpg\"> https://old.example.org/a.jpg?x=1&y=2";

    String moved =
        OldPictures.moved(
            html, Map.of("https://old.example.org/a.jpg?x=1&y=2", "/api/images/3f9a.jpg"));

    assertThat(moved)
        .isEqualTo(
            "<p>See <a href=\"/api/images/3f9a.jpg\">the picture</a>, <em>here</em>:</p>\n\n"
                + "<img alt=\"A\" SRC = \"/api/images/3f9a.jpg\" width=\"320\">\n"
                + "<img src=\"https://old.example.org/b.jpg\"> https://old.example.org/a.jpg?x=1&y=2");
  }

  @Test
  void theFilesAPostPlaysOrLinksAmongTheOldBlogsUploadsAreCopiedAndNoOneElses() {
    String html =
        "<figure><video src=\"https://old.example/content/media/2020/05/walk.mp4\"></video></figure>"
            + "<audio controls><source src=\"//old.example/sounds/rain.ogg\" type=\"audio/ogg\">"
            + "</audio>"
            + "<p><a href=\"https://old.example/wp-content/uploads/2011/05/Menu%20May.pdf\">menu</a>"
            + " <a href=\"https://jo.files.wordpress.com/2009/03/talk.mp3\">talk</a>"
            + " <a href=\"https://old.example/content/files/2021/slides.pptx\">slides</a>"
            + " <a href=\"https://inkwell.example/api/files/0123456789abcdef0123456789abcdef.pdf\">"
            + "another Inkwell's</a>"
            + " <a href=\"https://inkwell.example/api/files/notes.pdf\">not one of its files</a>"
            + " <a href=\"https://university.example/papers/paper.pdf\">a paper</a>"
            + " <a href=\"https://api.substack.com/feed/podcast/90210005/0a1b2c.mp3\">episode</a>"
            + " <a href=\"https://other.example/feed/podcast/1/theirs.mp3\">another's</a>"
            + " <a href=\"https://old.example/wp-content/uploads/2011/05/photo.jpg\">photo</a>"
            + " <a href=\"https://old.example/wp-content/uploads/2011/05/\">a folder</a>"
            + " <a href=\"/wp-content/uploads/2011/05/local.pdf\">here</a>"
            + " <a href=\"https://old.example/wp-content/uploads/2011/05/Menu%20May.pdf\">again</a>"
            + "</p>";

    assertThat(OldPictures.files(html))
        .containsExactly(
            "https://old.example/content/media/2020/05/walk.mp4",
            "//old.example/sounds/rain.ogg",
            "https://old.example/wp-content/uploads/2011/05/Menu%20May.pdf",
            "https://jo.files.wordpress.com/2009/03/talk.mp3",
            "https://old.example/content/files/2021/slides.pptx",
            "https://inkwell.example/api/files/0123456789abcdef0123456789abcdef.pdf",
            "https://api.substack.com/feed/podcast/90210005/0a1b2c.mp3");
    assertThat(OldPictures.files("<p>No files, <b>only words</b>.</p>")).isEmpty();
  }
}

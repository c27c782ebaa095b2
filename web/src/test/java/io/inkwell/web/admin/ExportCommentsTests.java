package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.web.api.Comment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportCommentsTests {

  private static final String WP = "http://wordpress.org/export/1.2/";

  private static final String EXPORT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog</title>
      <item><title><![CDATA[Out]]></title><wp:post_name><![CDATA[out]]></wp:post_name>
        <wp:status><![CDATA[publish]]></wp:status>
        <wp:postmeta><wp:meta_key><![CDATA[_inkwell_id]]></wp:meta_key>
          <wp:meta_value><![CDATA[p1]]></wp:meta_value></wp:postmeta></item>
      <item><title><![CDATA[Not yet]]></title><wp:status><![CDATA[draft]]></wp:status>
        <wp:postmeta><wp:meta_key><![CDATA[_inkwell_id]]></wp:meta_key>
          <wp:meta_value><![CDATA[p2]]></wp:meta_value></wp:postmeta></item>
      </channel></rss>""";

  @Test
  void eachPublishedPostCarriesItsThreadAsWordPressWritesComments() throws Exception {
    var reply =
        new Comment(
            "c2",
            "Linus",
            false,
            false,
            "<p>Thanks for the <b>notes</b>.</p>",
            Instant.parse("2009-03-13T08:00:00Z"),
            List.of(),
            null);
    var first =
        new Comment(
            "c1",
            "Ada",
            false,
            false,
            "<p>Where x]]>y, <em>then</em>?</p>",
            Instant.parse("2009-03-12T19:30:00Z"),
            List.of(reply),
            null);
    List<String> asked = new ArrayList<>();
    var out = new ByteArrayOutputStream();

    ExportComments.copy(
        new ByteArrayInputStream(EXPORT.getBytes(StandardCharsets.UTF_8)),
        out,
        postId -> {
          asked.add(postId);
          return List.of(first);
        });

    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(asked).as("drafts have no comments to ask for").containsExactly("p1");
    assertThat(xml).contains("<wp:post_name><![CDATA[out]]></wp:post_name>");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    var document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList items = document.getElementsByTagName("item");
    var comments = ((Element) items.item(0)).getElementsByTagNameNS(WP, "comment");
    assertThat(comments.getLength()).isEqualTo(2);
    Element ada = (Element) comments.item(0);
    Element linus = (Element) comments.item(1);
    assertThat(text(ada, "comment_author")).isEqualTo("Ada");
    assertThat(text(ada, "comment_content")).isEqualTo("<p>Where x]]>y, <em>then</em>?</p>");
    assertThat(text(ada, "comment_date_gmt")).isEqualTo("2009-03-12 19:30:00");
    assertThat(text(ada, "comment_approved")).isEqualTo("1");
    assertThat(text(ada, "comment_parent")).isEqualTo("0");
    assertThat(text(linus, "comment_parent")).isEqualTo(text(ada, "comment_id"));
    assertThat(text(ada, "comment_author_email")).as("never public").isEmpty();
    assertThat(((Element) items.item(1)).getElementsByTagNameNS(WP, "comment").getLength())
        .isZero();
    assertThat(ExportComments.numberOf("c1"))
        .as("the same comment has the same number in every export")
        .isEqualTo(Long.parseLong(text(ada, "comment_id")));
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(WP, name).item(0).getTextContent();
  }
}

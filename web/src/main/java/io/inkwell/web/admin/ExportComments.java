package io.inkwell.web.admin;

import io.inkwell.web.api.Comment;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.XMLEvent;

/**
 * Completes post-service's WordPress export with what comment-service keeps: the export streams
 * through, and before each published post's {@code </item>} come its approved comments as WordPress
 * writes them ({@code wp:comment}, replies naming their parent), read from the public API.
 * Commenters' addresses are never public, so they are not in the file.
 */
final class ExportComments {

  private static final String WP = "http://wordpress.org/export/1.2/";
  private static final String INKWELL_ID = "_inkwell_id";
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

  private ExportComments() {}

  /**
   * @param commentsOf a published post's approved thread, by its id here
   */
  static void copy(InputStream in, OutputStream out, Function<String, List<Comment>> commentsOf)
      throws XMLStreamException {
    var input = XMLInputFactory.newFactory();
    input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      // the JDK's parser keeps CDATA sections as such, so the file reads as WordPress writes it
      input.setProperty("http://java.sun.com/xml/stream/properties/report-cdata-event", true);
    } catch (IllegalArgumentException otherParser) {
      // another parser: the same text, escaped
    }
    XMLEventReader reader = input.createXMLEventReader(in, StandardCharsets.UTF_8.name());
    XMLEventWriter writer =
        XMLOutputFactory.newFactory().createXMLEventWriter(out, StandardCharsets.UTF_8.name());
    Item item = null;
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      XMLEvent event = reader.nextEvent();
      if (event.isStartElement()) {
        text.setLength(0);
        if (isItem(event.asStartElement().getName())) {
          item = new Item();
        }
      } else if (event.isCharacters()) {
        text.append(event.asCharacters().getData());
      } else if (event.isEndElement() && item != null) {
        QName name = event.asEndElement().getName();
        if (isItem(name)) {
          if ("publish".equals(item.status) && item.id != null) {
            for (Flat comment : flattened(commentsOf.apply(item.id))) {
              write(writer, comment);
            }
          }
          item = null;
        } else if (WP.equals(name.getNamespaceURI())) {
          item.read(name.getLocalPart(), text.toString().strip());
        }
      }
      writer.add(event);
    }
    writer.flush();
    writer.close();
  }

  private static boolean isItem(QName name) {
    return "item".equals(name.getLocalPart())
        && XMLConstants.NULL_NS_URI.equals(name.getNamespaceURI());
  }

  /** What is read of an item: its status, and its id here (the {@code _inkwell_id} meta). */
  private static final class Item {
    private String status;
    private String metaKey;
    private String id;

    void read(String element, String text) {
      switch (element) {
        case "status" -> status = text;
        case "meta_key" -> metaKey = text;
        case "meta_value" -> {
          if (INKWELL_ID.equals(metaKey)) {
            id = text;
          }
        }
        default -> {
          // the rest passes through as it is
        }
      }
    }
  }

  private record Flat(Comment comment, String parentId) {}

  /** The thread, parents before their replies. */
  private static List<Flat> flattened(List<Comment> thread) {
    List<Flat> all = new ArrayList<>();
    add(thread, null, all);
    return all;
  }

  private static void add(List<Comment> comments, String parentId, List<Flat> all) {
    for (Comment comment : comments) {
      all.add(new Flat(comment, parentId));
      add(comment.replies(), comment.id(), all);
    }
  }

  private static void write(XMLEventWriter writer, Flat flat) throws XMLStreamException {
    Comment comment = flat.comment();
    String date = comment.createdAt() == null ? null : WP_DATE.format(comment.createdAt());
    writer.add(EVENTS.createStartElement("wp", WP, "comment"));
    element(writer, "comment_id", Long.toString(numberOf(comment.id())), false);
    element(writer, "comment_author", comment.authorName(), true);
    element(writer, "comment_author_email", "", true);
    element(writer, "comment_date", date, true);
    element(writer, "comment_date_gmt", date, true);
    element(writer, "comment_content", comment.bodyHtml(), true);
    element(writer, "comment_approved", "1", true);
    element(writer, "comment_type", "comment", true);
    element(
        writer,
        "comment_parent",
        flat.parentId() == null ? "0" : Long.toString(numberOf(flat.parentId())),
        false);
    writer.add(EVENTS.createEndElement("wp", WP, "comment"));
  }

  private static void element(XMLEventWriter writer, String name, String text, boolean cdata)
      throws XMLStreamException {
    writer.add(EVENTS.createStartElement("wp", WP, name));
    String value = text == null ? "" : text;
    if (cdata) {
      // a "]]>" inside ends one section and starts the next, as WordPress writes it
      String[] parts = value.split("]]>", -1);
      for (int i = 0; i < parts.length; i++) {
        String part = (i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : "");
        writer.add(EVENTS.createCData(part));
      }
    } else {
      writer.add(EVENTS.createCharacters(value));
    }
    writer.add(EVENTS.createEndElement("wp", WP, name));
  }

  /** The same comment has the same number in every export (53 bits of a name-based UUID). */
  static long numberOf(String commentId) {
    return (UUID.nameUUIDFromBytes(commentId.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits()
            >>> 11)
        + 1;
  }
}

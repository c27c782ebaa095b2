package io.inkwell.posts.export;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.file.BlogFile;
import io.inkwell.posts.file.BlogFiles;
import io.inkwell.posts.post.MediaPlayers;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Slugs;
import io.inkwell.posts.post.TagDescriptions;
import io.inkwell.posts.site.Sites;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The whole blog as a WordPress export: every post and page that is not deleted (published,
 * scheduled and drafts), with its byline, tags, dates, slug, excerpt and settings, and the blog's
 * authors and tags ahead of them, as WordPress writes its own, and the blog's pictures they show as
 * WordPress's attachments, which its importer downloads. Comments live in comment-service.
 */
@Service
class WordPressExporter {

  private final MongoTemplate mongo;
  private final PostSettings settings;
  private final Sites sites;
  private final TagDescriptions descriptions;
  private final BlogFiles files;
  private final Clock clock;

  WordPressExporter(
      MongoTemplate mongo,
      PostSettings settings,
      Sites sites,
      TagDescriptions descriptions,
      BlogFiles files,
      Clock clock) {
    this.mongo = mongo;
    this.files = files;
    this.settings = settings;
    this.sites = sites;
    this.descriptions = descriptions;
    this.clock = clock;
  }

  void export(OutputStream out) {
    var site = sites.current();
    // first the bylines and tags (two fields of each post), then the posts one at a time
    Map<String, String> logins = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> tags = new TreeSet<>();
    var heads = kept();
    heads.fields().include("author").include("tags");
    try (var documents = mongo.stream(heads, Document.class, mongo.getCollectionName(Post.class))) {
      documents.forEach(
          document -> {
            if (document.get("author") instanceof Document author && author.get("_id") != null) {
              String id = String.valueOf(author.get("_id"));
              names.putIfAbsent(id, String.valueOf(author.get("name")));
            }
            if (document.get("tags") instanceof java.util.List<?> list) {
              list.forEach(tag -> tags.add(String.valueOf(tag)));
            }
          });
    }
    Set<String> taken = new HashSet<>();
    names.forEach((id, name) -> logins.put(id, unique(Slugs.fromTitle(name), taken)));
    Map<String, String> tagSlugs = new LinkedHashMap<>();
    Set<String> takenSlugs = new HashSet<>();
    tags.forEach(tag -> tagSlugs.put(tag, unique(Slugs.fromTitle(tag), takenSlugs)));
    var described = descriptions.all();
    var tagNames = descriptions.allNames();

    try (var writer =
        new WordPressWriter(
            out,
            new WordPressWriter.Blog(
                site.title(),
                site.description(),
                site.language(),
                site.zone(),
                settings.siteUrl(),
                clock.instant()))) {
      long number = 1;
      for (var author : names.entrySet()) {
        writer.author(
            new WordPressWriter.Author(number++, logins.get(author.getKey()), author.getValue()));
      }
      number = 1;
      for (var tag : tagSlugs.entrySet()) {
        writer.tag(
            new WordPressWriter.Tag(
                number++,
                tagNames.getOrDefault(tag.getKey(), tag.getKey()),
                tag.getValue(),
                described.get(tag.getKey())));
      }
      try (var posts = mongo.stream(kept(), Post.class)) {
        posts.forEach(
            post ->
                writer.post(
                    post, settings.urlOf(post), logins, tagSlugs, tagNames, episodeOf(post)));
      }
    }
  }

  /** The file a post plays first, its episode, as WordPress's enclosure names it; or null. */
  private WordPressWriter.Enclosure episodeOf(Post post) {
    return MediaPlayers.firstPlayed(post.bodyHtml())
        .flatMap(src -> files.find(src.substring(BlogFile.PATH.length())))
        .map(
            file ->
                new WordPressWriter.Enclosure(
                    settings.siteUrl() + file.path(), file.size(), file.contentType()))
        .orElse(null);
  }

  /** Every post and page but the deleted, oldest first. */
  private static Query kept() {
    return new Query(where("status").ne(PostStatus.DELETED))
        .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")));
  }

  /** WordPress's login names and slugs are unique: a second "jo" is "jo-2". */
  private static String unique(String base, Set<String> taken) {
    String candidate = base;
    for (int attempt = 2; !taken.add(candidate); attempt++) {
      candidate = base + "-" + attempt;
    }
    return candidate;
  }
}

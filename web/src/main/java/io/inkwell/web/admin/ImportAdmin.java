package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.Comment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Moving a Blogger, WordPress or Ghost blog here, as WordPress's Tools → Import does it: the owner
 * uploads the file the old platform gives (Blogger's Settings → Back up content, WordPress's Tools
 * → Export, Ghost's Settings → Advanced → Export content), and its posts, tags, dates and comments
 * arrive. Importing the same file again adds nothing. And taking it elsewhere, as Tools → Export
 * does: a WordPress file of every post and its comments. For admins.
 */
@Controller
class ImportAdmin implements StaffPage {

  /**
   * What an import the gateway stopped waiting for (its 120 s) means: post-service goes on storing
   * it, so "try again shortly" would be the wrong advice, and the owner learns how it ended from a
   * second upload of the same file, which adds nothing twice.
   */
  static final String STILL_IMPORTING =
      "The import takes longer than the blog waits for an answer, and goes on"
          + " meanwhile: its posts appear under Posts as they are stored, and the latest imports"
          + " below say how far it is. Should it stop, importing the same file again adds nothing"
          + " twice and stores the rest.";

  private final AdminApi api;
  private final BlogApi blog;

  ImportAdmin(AdminApi api, BlogApi blog) {
    this.api = api;
    this.blog = blog;
  }

  /**
   * The page, with the latest imports, each as far as it is, and how far copying imported pictures
   * is once an import asked for it.
   */
  @GetMapping("/admin/import")
  String page(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var imports = checked(api.imports(token(client)));
    if (imports.ok() && !imports.body().isEmpty()) {
      List<ImportLine> lines = imports.body().valueStream().map(ImportLine::of).toList();
      model.addAttribute("imports", lines);
      model.addAttribute("stillStoring", lines.stream().anyMatch(ImportLine::storing));
    }
    var pictures = checked(api.importedPictures(token(client)));
    if (pictures.ok()) {
      JsonNode progress = pictures.body();
      if (progress.path("waiting").asInt()
              + progress.path("copied").asInt()
              + progress.path("failed").asInt()
          > 0) {
        model.addAttribute("pictures", progress);
      }
    }
    return "admin/import";
  }

  @PostMapping("/admin/import")
  String importExport(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "export", required = false) MultipartFile export,
      @RequestParam(defaultValue = "blogger") String from,
      @RequestParam(defaultValue = "false") boolean copyPictures,
      @RequestParam(defaultValue = "") String site,
      @RequestParam(defaultValue = "") String blog,
      RedirectAttributes redirect) {
    var platform = AdminApi.ImportSource.named(from);
    if (export == null || export.isEmpty()) {
      redirect.addFlashAttribute(
          "error",
          "Choose the file "
              + platform.title()
              + " gave you (a "
              + platform.extension()
              + " file).");
      return "redirect:/admin/import";
    }
    var answer =
        checked(
            api.importExport(
                token(client), platform, export.getResource(), copyPictures, site, blog));
    if (answer.outlastedTheGateway()) {
      redirect.addFlashAttribute("message", STILL_IMPORTING);
      return "redirect:/admin/import";
    }
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/import";
    }
    if (answer.goesOn()) {
      redirect.addFlashAttribute("message", goesOn(answer.body()));
      return "redirect:/admin/import";
    }
    int posts = answer.body().path("posts").asInt();
    int comments = answer.body().path("comments").asInt();
    int alreadyThere = answer.body().path("alreadyThere").asInt();
    // none when not asked for, or when no post shows pictures from the old blog's host
    int picturesToCopy = answer.body().path("picturesToCopy").asInt();
    redirect.addFlashAttribute(
        "message",
        "Imported "
            + count(posts, "post")
            + " and "
            + count(comments, "comment")
            + "."
            + (alreadyThere == 1 ? " 1 post was here already." : "")
            + (alreadyThere > 1 ? " " + alreadyThere + " posts were here already." : "")
            + (comments > 0 ? " Comments appear on their posts within a few seconds." : "")
            + (picturesToCopy > 0
                ? " The pictures and files of "
                    + count(picturesToCopy, "post")
                    + " are being copied to this blog; this page shows how far."
                : ""));
    return "redirect:/admin/import";
  }

  /** The pictures that stayed on the old blog's host, tried once more (it may be up again). */
  @PostMapping("/admin/import/pictures")
  String tryPicturesAgain(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      RedirectAttributes redirect) {
    var answer = checked(api.retryImportedPictures(token(client)));
    if (answer.ok()) {
      redirect.addFlashAttribute(
          "message",
          "The pictures and files that stayed are tried once more; this page shows how far.");
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/import#pictures-title";
  }

  /**
   * The whole blog as a WordPress export (WXR), streamed from the API as it is written: posts,
   * pages, drafts and scheduled posts, their tags and bylines, and each post's approved comments.
   */
  @GetMapping("/admin/export")
  ResponseEntity<StreamingResponseBody> export(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client)
      throws IOException {
    var response = api.exportBlog(token(client));
    int status = response.getStatusCode().value();
    if (status != 200) {
      response.close();
      if (status == 401) {
        throw new SignInAgain();
      }
      byte[] message = "The export failed; the API answered %d.".formatted(status).getBytes();
      return ResponseEntity.status(status)
          .contentType(MediaType.TEXT_PLAIN)
          .body(out -> out.write(message));
    }
    var headers = response.getHeaders();
    return ResponseEntity.ok()
        .contentType(headers.getContentType())
        .header(HttpHeaders.CONTENT_DISPOSITION, headers.getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .cacheControl(CacheControl.noStore())
        .body(
            out -> {
              try (response) {
                ExportComments.copy(response.getBody(), out, this::thread);
              } catch (XMLStreamException e) {
                throw new IOException("The export could not be read", e);
              }
            });
  }

  /** A post's whole approved thread, page after page. */
  private List<Comment> thread(String postId) {
    List<Comment> all = new ArrayList<>();
    String cursor = null;
    do {
      var page = blog.comments(postId, cursor);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  /**
   * What an import the API answered before its end means: how far it is, and that it goes on (the
   * file was read whole; its posts are being stored).
   */
  private static String goesOn(JsonNode soFar) {
    return "The file is read and its "
        + count(soFar.path("total").asInt(), "post")
        + " are being stored, "
        + stored(soFar)
        + " so far: they appear under Posts as they are, and the latest imports below say when"
        + " every one is stored, as a mail to you will.";
  }

  /** The posts of an import stored so far, those that were here already among them. */
  private static int stored(JsonNode run) {
    return run.path("posts").asInt() + run.path("alreadyThere").asInt();
  }

  /**
   * An import as the page lists it.
   *
   * @param startedAt when it began, as the API writes it
   * @param from the platform whose export it was
   * @param storing whether its posts are still being stored
   * @param status how far it is, in words
   */
  record ImportLine(
      String startedAt, String from, String importedBy, boolean storing, String status) {

    static ImportLine of(JsonNode run) {
      String state = run.path("state").asString();
      int total = run.path("total").asInt();
      int alreadyThere = run.path("alreadyThere").asInt();
      String status =
          switch (state) {
            case "STORING" -> "Storing: " + stored(run) + " of " + count(total, "post") + " so far";
            case "DONE" ->
                "Done: "
                    + count(run.path("posts").asInt(), "new post")
                    + " and "
                    + count(run.path("comments").asInt(), "comment")
                    + (alreadyThere > 0
                        ? "; "
                            + alreadyThere
                            + (alreadyThere == 1 ? " was" : " were")
                            + " here already"
                        : "");
            // where it stopped, and what to do about it
            default -> "Stopped: " + run.path("problem").asString("");
          };
      return new ImportLine(
          run.path("startedAt").asString(),
          AdminApi.ImportSource.named(run.path("from").asString()).title(),
          run.path("importedBy").asString(""),
          "STORING".equals(state),
          status);
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

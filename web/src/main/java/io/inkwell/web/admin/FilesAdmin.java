package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.time.Instant;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The blog's files beside its pictures, as WordPress's Media and Ghost's audio, video and file
 * cards keep them: staff upload a podcast's episode, a video or a PDF and paste the Markdown that
 * links it into a post, where audio and video alone on their line play. The editor's "Attach a
 * file" uploads here too, by script, and puts the Markdown where the cursor is. Its uploader or an
 * editor may delete a file no post links.
 */
@Controller
class FilesAdmin implements StaffPage {

  private final AdminApi api;

  FilesAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/files")
  String files(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String cursor,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    var answer = checked(api.files(token(client), cursor));
    if (answer.ok()) {
      model.addAttribute(
          "files",
          answer.body().path("items").valueStream().map(each -> File.of(each, staff)).toList());
      model.addAttribute("nextCursor", answer.body().path("nextCursor").asString(null));
    } else {
      model.addAttribute("error", answer.problem());
    }
    return "admin/files";
  }

  /** The upload form, without script: back to the files, with the new file's Markdown. */
  @PostMapping("/admin/files")
  String upload(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect) {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose a file to upload.");
      return "redirect:/admin/files";
    }
    var answer = checked(api.uploadFile(token(client), file.getResource()));
    if (answer.ok()) {
      redirect.addFlashAttribute("uploaded", answer.body().path("markdown").asString());
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/files";
  }

  /** The editor's "Attach a file": the Markdown to insert, or what went wrong. */
  @PostMapping(path = "/admin/files", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> uploadFromEditor(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "file", required = false) MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error", "Choose a file to upload."));
    }
    return StaffPages.forTheEditor(api.uploadFile(token(client), file.getResource()));
  }

  @PostMapping("/admin/files/{id}/delete")
  String delete(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.deleteFile(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error", answer.ok() ? "The file is deleted." : answer.problem());
    return "redirect:/admin/files";
  }

  /** One of the blog's files, with what this staff member may do to it. */
  record File(
      String id,
      String url,
      String markdown,
      String filename,
      String kind,
      String size,
      String playingTime,
      String uploaderName,
      Instant uploadedAt,
      boolean mayDelete) {

    /** Played on this page before it is put in a post. */
    public boolean audio() {
      return kind.equals("AUDIO");
    }

    public boolean video() {
      return kind.equals("VIDEO");
    }

    static File of(JsonNode file, StaffMember staff) {
      String uploaderId = file.path("uploadedBy").path("id").asString("");
      return new File(
          file.path("id").asString(),
          file.path("url").asString(),
          file.path("markdown").asString(),
          file.path("filename").asString(),
          file.path("kind").asString(""),
          size(file.path("size").asLong()),
          file.hasNonNull("duration") ? playingTime(file.path("duration").asLong()) : null,
          file.path("uploadedBy").path("name").asString(""),
          AdminApi.instant(file.path("uploadedAt").asString(null)),
          staff.isEditor() || uploaderId.equals(staff.id()));
    }

    /** As players show it: "0:26", "52:13", "1:02:05". */
    static String playingTime(long seconds) {
      long hours = seconds / 3600;
      long minutes = seconds % 3600 / 60;
      return hours > 0
          ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
          : String.format(java.util.Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    /** "740 KB", "58.2 MB". */
    static String size(long bytes) {
      if (bytes < 1_000_000) {
        return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
      }
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
  }
}

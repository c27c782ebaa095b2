package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.io.IOException;
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
 * The media library, as WordPress's Media and Ghost's image cards give it: staff upload pictures
 * and paste the Markdown that shows them into a post. The editor's "Insert a picture" uploads here
 * too, by script, and puts the Markdown where the cursor is. Its uploader or an editor may delete a
 * picture no post shows.
 */
@Controller
class ImagesAdmin implements StaffPage {

  private final AdminApi api;

  ImagesAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/images")
  String library(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String cursor,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    var answer = checked(api.images(token(client), cursor));
    if (answer.ok()) {
      model.addAttribute(
          "images",
          answer.body().path("items").valueStream().map(each -> Picture.of(each, staff)).toList());
      model.addAttribute("nextCursor", answer.body().path("nextCursor").asString(null));
    } else {
      model.addAttribute("error", answer.problem());
    }
    return "admin/images";
  }

  /** The upload form, without script: back to the library, with the new picture's Markdown. */
  @PostMapping("/admin/images")
  String upload(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose a picture to upload.");
      return "redirect:/admin/images";
    }
    var answer =
        checked(api.uploadImage(token(client), file.getOriginalFilename(), file.getBytes()));
    if (answer.ok()) {
      redirect.addFlashAttribute("uploaded", answer.body().path("markdown").asString());
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/images";
  }

  /** The editor's "Insert a picture": the Markdown to insert, or what went wrong. */
  @PostMapping(path = "/admin/images", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> uploadFromEditor(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error", "Choose a picture to upload."));
    }
    return StaffPages.forTheEditor(
        api.uploadImage(token(client), file.getOriginalFilename(), file.getBytes()));
  }

  @PostMapping("/admin/images/{id}/delete")
  String delete(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.deleteImage(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "The picture is deleted." : answer.problem());
    return "redirect:/admin/images";
  }

  /** One picture of the library, with what this staff member may do to it. */
  record Picture(
      String id,
      String url,
      String markdown,
      String filename,
      int width,
      int height,
      long kilobytes,
      String uploaderName,
      Instant uploadedAt,
      boolean mayDelete) {

    /** The copy a library tile needs (the picture itself when it has none so narrow). */
    public String thumbnail() {
      return url + "?w=600";
    }

    static Picture of(JsonNode image, StaffMember staff) {
      String uploaderId = image.path("uploadedBy").path("id").asString("");
      return new Picture(
          image.path("id").asString(),
          image.path("url").asString(),
          image.path("markdown").asString(),
          image.path("filename").asString(),
          image.path("width").asInt(),
          image.path("height").asInt(),
          Math.max(1, Math.round(image.path("size").asLong() / 1024.0)),
          image.path("uploadedBy").path("name").asString(""),
          AdminApi.instant(image.path("uploadedAt").asString(null)),
          staff.isEditor() || uploaderId.equals(staff.id()));
    }
  }
}

package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WordPress's "Export Personal Data" and "Erase Personal Data", for admins: someone who asks what
 * the blog keeps of them gets it as one file, and someone who asks to be forgotten (the GDPR's
 * right to erasure) gives the address they commented or subscribed with, and the blog forgets it
 * everywhere it is kept: their comments stay under "Anonymous", their subscription and the records
 * of mails to them go. Asked first, as it cannot be undone.
 */
@Controller
class PrivacyAdmin implements StaffPage {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AdminApi api;

  PrivacyAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/privacy")
  String privacy() {
    return "admin/privacy";
  }

  /**
   * WordPress's "Export Personal Data": what the blog keeps of the address, from both services, as
   * one JSON file to give its owner; the page says what went wrong otherwise.
   */
  @PostMapping("/admin/privacy/export")
  Object export(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String email,
      Model model) {
    String address = email.strip();
    var comments = checked(api.commenterData(token(client), address));
    var mails = comments.ok() ? checked(api.addressData(token(client), address)) : comments;
    if (!mails.ok()) {
      model.addAttribute("error", mails.problem());
      return "admin/privacy";
    }
    ObjectNode data = JSON.createObjectNode();
    data.put("email", address);
    data.put("exportedAt", Instant.now().toString());
    data.set("comments", comments.body().path("comments"));
    var subscription = mails.body().path("subscription");
    // null for an address that is no subscriber's, which the answer leaves out
    data.set("subscription", subscription.isMissingNode() ? data.nullNode() : subscription);
    data.set("commentMails", mails.body().path("mails"));
    // the posts whose comments the address follows (Blogger's "Notify me")
    var following = mails.body().path("following");
    data.set("followedPosts", following.isMissingNode() ? data.arrayNode() : following);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("personal-data-" + LocalDate.now() + ".json")
                .build()
                .toString())
        .cacheControl(CacheControl.noStore())
        .body(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(data));
  }

  /** Without {@code confirmed}, the page asks; with it, both services forget the address. */
  @PostMapping("/admin/privacy/erase")
  String erase(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "false") boolean confirmed,
      Model model,
      RedirectAttributes redirect) {
    String address = email.strip();
    if (!confirmed || address.isEmpty()) {
      model.addAttribute("email", address);
      return "admin/privacy";
    }
    var comments = checked(api.eraseCommenter(token(client), address));
    if (!comments.ok()) {
      model.addAttribute("email", address);
      model.addAttribute("error", comments.problem());
      return "admin/privacy";
    }
    long erased = comments.body().path("erased").asLong();
    var said = new ArrayList<String>();
    said.add(
        erased == 0
            ? "No comment was sent from " + address + "."
            : erased
                + (erased == 1 ? " comment now says" : " comments now say")
                + " \"Anonymous\".");
    var mails = checked(api.eraseAddress(token(client), address));
    if (!mails.ok()) {
      model.addAttribute("email", address);
      model.addAttribute(
          "error",
          String.join(" ", said)
              + " Their subscription could not be erased: "
              + mails.problem()
              + " Try again; what is done stays done.");
      return "admin/privacy";
    }
    said.add(
        mails.body().path("subscriber").asBoolean()
            ? "Their subscription is erased."
            : "The address was no subscriber's.");
    long records = mails.body().path("mails").asLong();
    if (records > 0) {
      said.add(records + (records == 1 ? " record" : " records") + " of mails to them deleted.");
    }
    redirect.addFlashAttribute("message", address + " is forgotten. " + String.join(" ", said));
    return "redirect:/admin/privacy";
  }
}

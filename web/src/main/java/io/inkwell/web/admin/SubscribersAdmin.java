package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.showProblem;
import static io.inkwell.web.admin.StaffPages.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber list, for admins, with Ghost's "Export" and "Import" (CSV) and erasing a
 * subscriber who asks to be forgotten.
 */
@Controller
class SubscribersAdmin implements StaffPage {

  /** Ghost's member filters: everyone, or one state. */
  private static final java.util.List<String> STATES =
      java.util.List.of("CONFIRMED", "PENDING", "UNSUBSCRIBED", "BOUNCING");

  private final AdminApi api;

  SubscribersAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/subscribers")
  String subscribers(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String cursor,
      Model model) {
    String state = status != null && STATES.contains(status) ? status : null;
    String text = q.strip();
    var answer = checked(api.subscribers(token(client), state, text, cursor));
    model.addAttribute("status", state);
    model.addAttribute("q", text);
    model.addAttribute("total", answer.ok() ? answer.body().path("total").asLong() : null);
    model.addAttribute(
        "subscribers",
        answer.ok()
            ? answer.body().path("items").valueStream().map(SubscriberRow::of).toList()
            : null);
    model.addAttribute(
        "nextCursor", answer.ok() ? answer.body().path("nextCursor").asString(null) : null);
    showProblem(answer, model);
    return "admin/subscribers";
  }

  /** The whole list as CSV, as the API gives it, to download. */
  @GetMapping("/admin/subscribers/export")
  ResponseEntity<byte[]> export(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client) {
    return api.exportSubscribers(token(client))
        .asAttachment(
            "subscribers-" + LocalDate.now() + ".csv",
            new MediaType("text", "csv", StandardCharsets.UTF_8));
  }

  /**
   * Ghost's "Import members": a CSV from the old platform; the admin vouches that these people
   * asked for the blog's mail. Says what arrived and the first rows left out, by line.
   */
  @PostMapping("/admin/subscribers/import")
  String importList(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(name = "list", required = false) MultipartFile list,
      @RequestParam(name = "consent", defaultValue = "false") boolean consent,
      RedirectAttributes redirect)
      throws IOException {
    if (list == null || list.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose a CSV file with an email column.");
      return "redirect:/admin/subscribers";
    }
    if (!consent) {
      redirect.addFlashAttribute(
          "error",
          "Import only people who asked for this blog's mail, and tick the box to say so.");
      return "redirect:/admin/subscribers";
    }
    return imported(
        checked(api.importSubscribers(token(client), list.getBytes())),
        line -> "line " + line,
        redirect);
  }

  /**
   * What a list the gateway stopped waiting for (its 120 s) means: notification-service goes on
   * storing it, a thousand rows at a time, and a second import of the same file adds nobody twice.
   */
  static final String STILL_IMPORTING =
      "The import takes longer than the blog waits for an answer, and goes on"
          + " meanwhile: the subscribers appear on this page as they are stored. Once the count stops"
          + " growing, importing the same file again adds nobody twice and says how many are here.";

  /** The most addresses one paste adds, as a list longer than that is a file's work. */
  static final int MOST_PASTED = 1_000;

  /**
   * Adds the addresses an admin typed or pasted, one per line or separated by commas, spaces or
   * semicolons, as an import of one column (Substack's and Jetpack's "Add subscribers", Ghost's
   * "New member"): confirmed at once, nobody mailed to confirm, nobody already here changed.
   */
  @PostMapping("/admin/subscribers/add")
  String add(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String addresses,
      @RequestParam(name = "consent", defaultValue = "false") boolean consent,
      RedirectAttributes redirect) {
    List<String> typed =
        Arrays.stream(addresses.split("[\\s,;]+")).filter(a -> !a.isEmpty()).toList();
    if (typed.isEmpty()) {
      redirect.addFlashAttribute("error", "Type or paste the addresses to add.");
      return "redirect:/admin/subscribers";
    }
    if (typed.size() > MOST_PASTED) {
      redirect.addFlashAttribute(
          "error",
          "That is more than " + MOST_PASTED + " addresses: import them as a CSV file instead.");
      return "redirect:/admin/subscribers";
    }
    if (!consent) {
      redirect.addFlashAttribute(
          "error", "Add only people who asked for this blog's mail, and tick the box to say so.");
      return "redirect:/admin/subscribers";
    }
    var csv = new StringBuilder("email\n");
    // each in quotes, so that a quote typed in an address stays in its one cell
    typed.forEach(address -> csv.append('"').append(address.replace("\"", "\"\"")).append("\"\n"));
    // the list's line 2 is the first address
    return imported(
        checked(
            api.importSubscribers(token(client), csv.toString().getBytes(StandardCharsets.UTF_8))),
        line -> line >= 2 && line - 2 < typed.size() ? typed.get((int) (line - 2)) : "line " + line,
        redirect);
  }

  /** Says what an import did, each address it left out named by {@code where}. */
  private static String imported(
      AdminApi.Answer answer, LongFunction<String> where, RedirectAttributes redirect) {
    if (answer.outlastedTheGateway()) {
      redirect.addFlashAttribute("message", STILL_IMPORTING);
      return "redirect:/admin/subscribers";
    }
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/subscribers";
    }
    var result = answer.body();
    int added = result.path("added").asInt();
    int unsubscribed = result.path("unsubscribed").asInt();
    int alreadyThere = result.path("alreadyThere").asInt();
    int skipped = result.path("skipped").asInt();
    var said = new StringBuilder("Imported ").append(count(added, "subscriber"));
    if (unsubscribed > 0) {
      said.append(", and ").append(unsubscribed).append(" who unsubscribed there (not mailed)");
    }
    said.append(". ").append(alreadyThere).append(alreadyThere == 1 ? " was" : " were");
    said.append(" here already.");
    if (skipped > 0) {
      var problems =
          result
              .path("problems")
              .valueStream()
              .map(p -> where.apply(p.path("line").asLong()) + ": " + p.path("reason").asString())
              .toList();
      said.append(" Left out: ").append(skipped).append(" (").append(String.join("; ", problems));
      said.append(skipped > problems.size() ? "; …)." : ").");
    }
    redirect.addFlashAttribute("message", said.toString());
    return "redirect:/admin/subscribers";
  }

  /** Asks first: erasing cannot be undone. */
  @GetMapping("/admin/subscribers/{id}/remove")
  String confirmRemove(
      @PathVariable String id, @RequestParam(defaultValue = "") String email, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("email", email);
    return "admin/remove-subscriber";
  }

  @PostMapping("/admin/subscribers/{id}/remove")
  String remove(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String email,
      RedirectAttributes redirect) {
    var answer = checked(api.eraseSubscriber(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? (email.isBlank() ? "The subscriber" : email)
                + " is erased: no more mail, and the address is gone."
            : answer.problem());
    return "redirect:/admin/subscribers";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** One line of the subscriber list. */
  record SubscriberRow(String id, String email, String state, String tags, Instant since) {

    static SubscriberRow of(tools.jackson.databind.JsonNode subscriber) {
      var tags = subscriber.path("tags").valueStream().map(t -> t.asString()).toList();
      String state =
          subscriber.path("status").asString().toLowerCase(Locale.ROOT)
              + (subscriber.path("paused").asBoolean() ? " (paused)" : "")
              // "Did not ask? Never mail me", pressed in the mail that asked to confirm (ADR 43)
              + (subscriber.hasNonNull("refusedAt") ? " (did not ask)" : "");
      return new SubscriberRow(
          subscriber.path("id").asString(),
          subscriber.path("email").asString(),
          state,
          (tags.isEmpty() ? "every post" : String.join(", ", tags))
              + switch (subscriber.path("frequency").asString("INSTANTLY")) {
                case "DAILY" -> ", in a daily digest";
                case "WEEKLY" -> ", in a weekly digest";
                default -> "";
              },
          AdminApi.instant(subscriber.path("createdAt").asString(null)));
    }
  }
}

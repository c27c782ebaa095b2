package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.Post;
import io.inkwell.web.api.RecentComment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.JsonNode;

/**
 * The admin's overview, as WordPress's "At a Glance" and "Activity" and Ghost's dashboard: how many
 * posts each state has, what publishes next, the signed-in person's drafts, how the newest posts
 * did (their comments and, for editors, their email), and the newest comments. A part the API
 * cannot give right now is left out, not the page.
 */
@Controller
class DashboardAdmin implements StaffPage {

  private static final int SHOWN = 5;

  private final AdminApi api;
  private final BlogApi blog;

  DashboardAdmin(AdminApi api, BlogApi blog) {
    this.api = api;
    this.blog = blog;
  }

  /** One figure of "At a glance", with the admin page that lists what it counts. */
  record Figure(String label, long count, String href) {}

  /** A published post with its approved comments and, for editors, how its email went. */
  /**
   * @param comments how many readers see, null while comment-service cannot say
   */
  record Published(Post post, Long comments, JsonNode deliveries) {}

  @GetMapping("/admin/dashboard")
  String dashboard(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    String token = token(client);
    var figures = new ArrayList<Figure>();
    figure(figures, "Published", api.postCount(token, "PUBLISHED"), "/admin?status=PUBLISHED");
    figure(figures, "Scheduled", api.postCount(token, "SCHEDULED"), "/admin?status=SCHEDULED");
    figure(figures, "Drafts", api.postCount(token, "DRAFT"), "/admin?status=DRAFT");
    if (staff.isEditor()) {
      figure(figures, "For review", api.reviewQueueLength(token), "/admin?status=REVIEW");
      figure(figures, "Comments waiting", api.commentQueueLength(token), "/admin/comments");
    }
    if (staff.isAdmin()) {
      figure(
          figures,
          "Subscribers",
          api.confirmedSubscriberCount(token),
          "/admin/subscribers?status=CONFIRMED");
    }
    model.addAttribute("figures", figures);
    model.addAttribute("comingUp", comingUp(token));
    model.addAttribute(
        "myDrafts",
        first(
            checked(
                api.postsInStatus(
                    token, "DRAFT", new AdminApi.PostFilter("", "", staff.id()), null))));
    model.addAttribute("published", published(token, staff));
    model.addAttribute("comments", latestComments());
    model.addAttribute("mostRead", first(api.mostViewed(token, AdminController.VIEW_DAYS, SHOWN)));
    return "admin/dashboard";
  }

  private static void figure(
      List<Figure> figures, String label, AdminApi.Answer answer, String href) {
    if (checked(answer).ok()) {
      figures.add(new Figure(label, answer.body().path("total").asLong(), href));
    }
  }

  /** The scheduled posts that publish soonest, soonest first. */
  private List<JsonNode> comingUp(String token) {
    var answer = checked(api.postsInStatus(token, "SCHEDULED", AdminApi.PostFilter.NONE, null));
    if (!answer.ok()) {
      return List.of();
    }
    return items(answer)
        .sorted(Comparator.comparing(post -> post.path("publishAt").asString()))
        .limit(SHOWN)
        .toList();
  }

  private List<Published> published(String token, StaffMember staff) {
    var posts = blog.posts(Map.of(), SHOWN, null).items();
    var comments = blog.commentCounts(posts.stream().map(Post::id).toList());
    var shown = new ArrayList<Published>();
    for (Post post : posts) {
      JsonNode deliveries = null;
      if (staff.isEditor()) {
        var report = checked(api.deliveries(token, post.id()));
        deliveries = report.ok() ? report.body() : null;
      }
      shown.add(
          new Published(
              post,
              comments.map(known -> known.getOrDefault(post.id(), 0L)).orElse(null),
              deliveries));
    }
    return shown;
  }

  private List<RecentComment> latestComments() {
    try {
      return blog.recentComments(null, SHOWN);
    } catch (RuntimeException unavailable) {
      return List.of();
    }
  }

  private static List<JsonNode> first(AdminApi.Answer answer) {
    return answer.ok() ? items(answer).limit(SHOWN).toList() : List.of();
  }

  private static java.util.stream.Stream<JsonNode> items(AdminApi.Answer answer) {
    return StreamSupport.stream(answer.body().path("items").spliterator(), false);
  }
}

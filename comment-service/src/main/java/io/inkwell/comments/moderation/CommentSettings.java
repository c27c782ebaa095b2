package io.inkwell.comments.moderation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of comment-service.
 *
 * @param defaultPolicy the moderation policy until an editor chooses one
 * @param maxDepth how deep replies nest; deeper replies attach to the deepest allowed level
 * @param closeAfterDays comments close on posts published longer ago (0: never)
 * @param minTimeToSubmit a comment sent sooner after the page was rendered is a bot's
 * @param maxLinks more links than this hold a comment whatever the policy
 * @param perEmailPerHour comments one address may post an hour
 * @param perClientPerHour comments one client address may post an hour
 */
@ConfigurationProperties("inkwell.comments")
public record CommentSettings(
    @DefaultValue("blog.post-events") String postEventsTopic,
    @DefaultValue("blog.comment-events") String eventsTopic,
    @DefaultValue("HOLD_FIRST_TIME") ModerationPolicy defaultPolicy,
    @DefaultValue("5") int maxDepth,
    @DefaultValue("0") int closeAfterDays,
    @DefaultValue("3s") Duration minTimeToSubmit,
    @DefaultValue("2") int maxLinks,
    @DefaultValue("10") int perEmailPerHour,
    @DefaultValue("30") int perClientPerHour) {}

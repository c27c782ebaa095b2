package io.inkwell.posts.post;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of post-service.
 *
 * @param defaultAuthor the byline of posts created while sign-in does not exist yet
 * @param eventsTopic the topic post events are relayed to
 */
@ConfigurationProperties("inkwell.posts")
public record PostSettings(
    @DefaultValue({"owner", "Blog owner"}) Author defaultAuthor,
    @DefaultValue("blog.post-events") String eventsTopic) {}

package io.inkwell.notifications.subscription.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** No tags, or an empty list, means every post. */
record PreferencesRequest(
    @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^$]*") String> tags,
    boolean paused) {}

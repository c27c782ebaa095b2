package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.Frequency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * No tags, or an empty list, means every post; no {@code paused} or no frequency leaves it as it
 * was (a new subscriber is not paused and gets each post as it is published).
 */
record PreferencesRequest(
    @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^$]*") String> tags,
    Boolean paused,
    Frequency frequency) {}

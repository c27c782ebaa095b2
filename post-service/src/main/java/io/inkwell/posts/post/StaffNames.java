package io.inkwell.posts.post;

import java.util.Optional;

/**
 * The name a staff member goes by now, where the platform knows it better than their access token
 * (issued before they renamed themself, it carries the old name for up to 10 minutes).
 */
public interface StaffNames {

  Optional<String> current(String staffId);
}

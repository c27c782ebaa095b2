package io.inkwell.posts.post;

import java.time.ZoneId;

/**
 * Where the blog's clocks are: the time zone an admin chose in Settings (the {@code site} feature
 * keeps it), in which a day or a month of posts is counted when a reader names none.
 */
public interface BlogTimeZone {

  ZoneId zone();
}

package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import org.springframework.stereotype.Component;

/**
 * The blog's name and description for the layout of every page, error pages included (they are
 * rendered outside the controllers), as {@code ${@site.blogName()}}.
 */
@Component("site")
public class Site {

  private final WebSettings settings;

  Site(WebSettings settings) {
    this.settings = settings;
  }

  public String blogName() {
    return settings.blogName();
  }

  public String blogDescription() {
    return settings.blogDescription();
  }
}

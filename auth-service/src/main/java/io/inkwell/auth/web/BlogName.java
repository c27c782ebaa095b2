package io.inkwell.auth.web;

import io.inkwell.auth.site.SiteName;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page of auth-service carries the blog's current name, as its templates show it. */
@ControllerAdvice(basePackageClasses = BlogName.class)
class BlogName {

  private final SiteName siteName;

  BlogName(SiteName siteName) {
    this.siteName = siteName;
  }

  @ModelAttribute("blogName")
  String blogName() {
    return siteName.current();
  }
}

package io.inkwell.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Where the theme's files are served, each under the addresses it has, with a hash of its content
 * in them ({@code /css/inkwell-3f2a….css}, Spring's content version strategy; StaticFileCaching
 * says how long browsers keep them). Prism comes from its WebJar, addressed without its version.
 *
 * <p>Boot's own mapping of {@code /**} is off ({@code spring.web.resources.add-mappings}): with it,
 * every link a page writes ({@code /posts/…}, {@code /tags/…}) was looked for among the files, in
 * each of Boot's four places inside the jar, to learn that it is no file; a page of ten posts spent
 * most of its time on that (bench/README.md). Here only these addresses are files.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    serve(registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/"));
    serve(registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/"));
    serve(
        registry
            .addResourceHandler("/favicon*.ico", "/favicon*.svg", "/apple-touch-icon*.png")
            .addResourceLocations("classpath:/static/"));
    // the WebJars resolver, added by the chain, finds the version the address leaves out
    serve(
        registry
            .addResourceHandler("/webjars/**")
            .addResourceLocations("classpath:/META-INF/resources/webjars/"));
  }

  private static void serve(ResourceHandlerRegistration files) {
    files
        .resourceChain(true)
        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
  }
}

package io.inkwell.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page is HTML, whatever its address ends with. Left to itself, Thymeleaf takes the content
 * type from the path's extension, so the 404 page of {@code /nothing.json} or of a missing post's
 * {@code /comments.rss} went out as JSON or RSS, which a browser (told {@code nosniff}) will not
 * show. Feeds, the sitemap and robots.txt set their own types and are no views.
 */
@Configuration(proxyBeanMethods = false)
class PagesAreHtml {

  @Bean
  static BeanPostProcessor htmlWhateverThePath() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver resolver) {
          resolver.setForceContentType(true);
        }
        return bean;
      }
    };
  }
}

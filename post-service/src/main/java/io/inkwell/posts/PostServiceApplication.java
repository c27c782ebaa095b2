package io.inkwell.posts;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.core.StreamReadFeature;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PostServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PostServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * A JSON object that names a field twice ({@code {"role": "AUTHOR", "role": "OWNER"}}) is refused
   * with a 400 that names the field, instead of the last value silently winning: a proxy or
   * validator that reads the first one would otherwise see another request than this service.
   */
  @Bean
  JsonMapperBuilderCustomizer oneValuePerField() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}

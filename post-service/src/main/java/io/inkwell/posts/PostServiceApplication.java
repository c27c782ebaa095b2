package io.inkwell.posts;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

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

  /**
   * A value of another JSON kind than its field's is refused with a 400 that names the field,
   * instead of being turned into the field's kind: {@code "name": true} does not become the name
   * "true", {@code "role": 2} the third role, {@code "commentsOpen": "true"} a yes, nor {@code
   * "closeAfterDays": 2.9} two days. A client with such a bug learns of it at once, not from what
   * its readers see.
   */
  @Bean
  JsonMapperBuilderCustomizer oneKindPerField() {
    return builder ->
        builder
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(
                LogicalType.Textual,
                text ->
                    text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Boolean,
                yesOrNo ->
                    yesOrNo
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                number ->
                    number
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Float,
                number -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
  }
}

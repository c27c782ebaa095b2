package io.inkwell.notifications.subscription.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A query value that names one of a list ({@code ?status=draft}, {@code Draft} or {@code DRAFT}) is
 * taken whatever its case, as Ghost's {@code filter=status:draft} and WordPress's {@code
 * ?status=draft} are written; one that names none is still a 400 that lists them.
 */
@Configuration(proxyBeanMethods = false)
class ConstantsInAnyCase implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new AnyCase());
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class AnyCase implements ConverterFactory<String, Enum> {

    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
      return text -> {
        String name = text.strip();
        if (name.isEmpty()) {
          return null;
        }
        for (T constant : type.getEnumConstants()) {
          if (constant.name().equalsIgnoreCase(name)) {
            return constant;
          }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " named " + name);
      };
    }
  }
}

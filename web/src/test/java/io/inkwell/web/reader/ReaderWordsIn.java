package io.inkwell.web.reader;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import io.inkwell.web.api.BlogApi;
import java.util.List;
import java.util.Optional;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The reader site's words as a blog written in one language says them, for unit tests. */
public final class ReaderWordsIn {

  private ReaderWordsIn() {}

  /** The words of {@code i18n/reader*.properties} for a blog whose Settings name the language. */
  public static Words language(String language) {
    var api = mock(BlogApi.class);
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), language, "ltr", null, null, null, null, null)));
    var messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/reader");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new Words(messages, new Site(TestSettings.inZone("UTC"), api));
  }
}

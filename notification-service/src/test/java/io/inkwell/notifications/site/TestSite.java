package io.inkwell.notifications.site;

import org.springframework.data.mongodb.core.MongoTemplate;

/** For tests that send {@code SiteChanged}: mails are signed with the configured name again. */
public final class TestSite {

  private TestSite() {}

  /** Forgets the title the tests' events set, in the database and in the service's memory. */
  public static void backToTheConfiguredName(MongoTemplate mongo, SiteName siteName) {
    mongo.dropCollection("site");
    siteName.forget();
  }
}

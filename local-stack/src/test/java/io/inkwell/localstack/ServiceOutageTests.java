package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.ApiClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A service that stops does not take the site with it: the gateway answers its paths with a
 * problem+json 503 at once, and everything else keeps working. Runs last, as it stops a service of
 * the shared stack.
 */
@Order(Integer.MAX_VALUE)
class ServiceOutageTests {

  @Test
  void aStoppedServiceGives503AtOnceAndTheOthersKeepAnswering() throws Exception {
    LocalStack stack = TestStack.get();
    var reader = new ApiClient(stack.gatewayUrl());
    var posts = reader.get("/api/posts");
    assertThat(posts.status()).isEqualTo(200);
    String postId = posts.json().path("items").path(0).path("id").asString();
    assertThat(reader.get("/api/posts/" + postId + "/comments").status()).isEqualTo(200);

    stack.services().stream()
        .filter(service -> service.name().equals("comment-service"))
        .findFirst()
        .orElseThrow()
        .close();

    long began = System.nanoTime();
    var comments = reader.get("/api/posts/" + postId + "/comments");
    long tookMillis = (System.nanoTime() - began) / 1_000_000;

    assertThat(comments.status()).isEqualTo(503);
    assertThat(comments.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(tookMillis).as("well within the 10 s response timeout").isLessThan(5_000);
    assertThat(reader.get("/api/posts/" + postId).status()).isEqualTo(200);
  }
}

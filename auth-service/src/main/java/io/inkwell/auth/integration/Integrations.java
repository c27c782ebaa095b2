package io.inkwell.auth.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/**
 * The integrations; a revoked one stays (marked {@code revoked}) only until its {@code
 * IntegrationRevoked} event is sent, and is nobody's to find meanwhile.
 */
interface Integrations extends MongoRepository<Integration, String> {

  @Query(value = "{ 'revoked': { $ne: true } }", sort = "{ 'createdAt': 1 }")
  List<Integration> findAllLive();

  @Query("{ '_id': ?0, 'revoked': { $ne: true } }")
  Optional<Integration> findLive(String clientId);
}

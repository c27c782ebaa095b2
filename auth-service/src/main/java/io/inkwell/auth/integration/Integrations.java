package io.inkwell.auth.integration;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Integrations extends MongoRepository<Integration, String> {

  List<Integration> findAllByOrderByCreatedAtAsc();
}

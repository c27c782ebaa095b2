package io.inkwell.auth.staff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface StaffAccounts extends MongoRepository<StaffAccount, String> {

  Optional<StaffAccount> findByEmail(String email);

  boolean existsByRole(Role role);

  Optional<StaffAccount> findByInvitationHash(String invitationHash);

  Optional<StaffAccount> findByResetHash(String resetHash);

  List<StaffAccount> findAllByOrderByCreatedAtAsc();
}

// Organisation keys, staff accounts, grants and login, GlobaLeaks-style:
// - each organisation has an X25519 key pair per version; its secret is stored only
//   wrapped under a recovery key that is printed once (no escrow) and sealed to the
//   staff members who hold a grant;
// - each staff member has a key pair whose secret is wrapped under an Argon2id key
//   derived from their password (parameters stored per user);
// - login derives that key, unwraps the staff secret, opens the grants: a wrong password
//   simply fails to unwrap.
// Login and online guessing: a failure is answered late (LoginThrottle's delays, counted
// before deriving and held by the connection loop, not a thread); a right password is
// answered at once and is never refused for anyone else's failures, so there is no
// lockout an abuser could trigger. What bounds guessing is the cost of a guess: Argon2id
// runs at most twice at once in the process (logins have their own worker lane), about 20
// guesses a second for all accounts together, against passwords of at least 12 characters.
// Waiting logins are served by queue rank, so the owner's login from an address without
// failures goes before a flood of guesses from another.
// An unknown e-mail address takes the same path as a wrong password (a derivation with
// the current parameters, an unwrap, one audit row, the same delays), so neither the
// timing nor the answer tells which addresses have an account.
// Thread-safe as far as its stores are; its only state is the thread-safe throttle.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "crypto/password_kdf.h"
#include "domain/login_throttle.h"
#include "domain/staff.h"
#include "store/audit_store.h"
#include "store/key_store.h"

namespace hw::domain {

struct NewStaff {
  std::string email;
  std::string password;
  std::optional<std::string> partner_of;
  bool is_editor = false;
  bool is_admin = false;
};

struct LoginResult {
  StaffIdentity staff;
  std::vector<OrgSecret> secrets;  // every organisation key version this person was granted
};

struct LoginAttempt {
  // kInvalidArgument with one message for unknown e-mail and wrong password alike.
  Result<LoginResult> result;
  // For a refused attempt: how much later to say so (nothing waits for it here).
  std::chrono::milliseconds answer_after{0};
};

class Keyring {
 public:
  using Clock = std::function<int64_t()>;  // seconds since the epoch
  Keyring(store::KeyStore& keys, store::AuditStore& audit, Clock now, crypto::KdfParams kdf)
      : keys_(keys), audit_(audit), now_(std::move(now)), kdf_(kdf) {}

  // Onboarding: version 1 of the organisation's keys. Returns the printable recovery key
  // (shown once). Fails when the organisation already has keys.
  Result<std::string> CreateOrganizationKeys(const std::string& organization, const std::string& actor);
  // A new version for new requests; every current grantee gets it too. Returns the new
  // version's recovery key (the old sheets still open the old versions).
  Result<std::string> RotateOrganizationKey(const std::string& organization, const std::string& actor);

  Result<int64_t> AddStaff(const NewStaff& staff, const std::string& actor);
  Status RemoveStaff(const std::string& email, const std::string& actor);
  // Grants `email` every version of the organisation's keys that the recovery key opens.
  Status GrantWithRecoveryKey(const std::string& organization, const std::string& email,
                              const std::string& recovery_key_text, const std::string& actor);
  // Grants `email` the secrets a logged-in partner holds for the organisation.
  Status GrantFromSecrets(const std::vector<OrgSecret>& secrets, const std::string& organization,
                          const std::string& email, const std::string& actor);

  // `queue_rank`: when more logins wait for Argon2id than may run, the lowest rank goes
  // first (the caller passes its client's recent failures; see password_kdf.h).
  LoginAttempt Login(const std::string& email, const std::string& password, int64_t queue_rank = 0);

 private:
  Status Grant(int64_t staff_id, const std::string& staff_public_key, const std::string& organization, int64_t version,
               const crypto::SecureBuffer& org_secret);
  // After a right password: the person's identity and every organisation key they hold.
  Result<LoginResult> OpenAccount(const store::StaffRow& row, crypto::SecureBuffer staff_secret);
  void Audit(const std::string& actor, const std::string& action, const std::string& organization,
             const std::string& target);

  store::KeyStore& keys_;
  store::AuditStore& audit_;
  Clock now_;
  crypto::KdfParams kdf_;
  LoginThrottle throttle_;
};

}  // namespace hw::domain

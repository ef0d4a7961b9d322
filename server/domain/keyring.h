// Organisation keys, staff accounts, grants and login, GlobaLeaks-style:
// - each organisation has an X25519 key pair per version; its secret is stored only
//   sealed to the organisation's recovery public key (whose secret is printed once on
//   the recovery sheet: no escrow) and to the staff members who hold a grant;
// - removing a staff member rotates every organisation key they held at once, in the
//   same transaction: the new version goes to the remaining grantees and the recovery
//   key only, its secret is wiped from memory as soon as it is sealed, and the -wal is
//   emptied. What they could read before (and any backup they kept) stays readable to
//   them; nothing submitted after the removal is.
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
// - a password must pass domain/password_policy.h; a successful login whose stored
//   Argon2id parameters are below the current ones re-wraps the staff secret under them.
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

// One new key version. `recovery_key` is set when a new recovery sheet must be printed:
// for an organisation onboarded before recovery key pairs (its old sheets open only its
// old versions), or when the operator asked for a new sheet.
struct Rotation {
  std::string organization;
  int64_t version = 0;
  std::optional<std::string> recovery_key;
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

  // Onboarding: version 1 of the organisation's keys and its recovery key pair. Returns
  // the printable recovery key (shown once). Fails when the organisation already has keys.
  Result<std::string> CreateOrganizationKeys(const std::string& organization, const std::string& actor);
  // A new version for new requests; every current grantee gets it too, and so does the
  // recovery key (the printed sheet stays valid). With `new_recovery_key` a new recovery
  // key pair is made for this and later versions (old sheets open the older versions).
  Result<Rotation> RotateOrganizationKey(const std::string& organization, const std::string& actor,
                                         bool new_recovery_key = false);

  Result<int64_t> AddStaff(const NewStaff& staff, const std::string& actor);
  // Deletes the account with its grants and rotates the keys of every organisation it
  // held, all in one transaction with its audit entries; then empties the -wal.
  Result<std::vector<Rotation>> RemoveStaff(const std::string& email, const std::string& actor);
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
  // After a successful login: re-wraps the staff secret when its stored parameters are
  // weaker than kdf_ (a new salt too). Failure leaves the old wrapping, which still works.
  void StrengthenWrapping(const store::StaffRow& row, const std::string& password, const crypto::SecureBuffer& secret);
  Status Grant(int64_t staff_id, const std::string& staff_public_key, const std::string& organization, int64_t version,
               const crypto::SecureBuffer& org_secret);
  // After a right password: the person's identity and every organisation key they hold.
  Result<LoginResult> OpenAccount(const store::StaffRow& row, crypto::SecureBuffer staff_secret);
  Result<Rotation> Rotate(const std::string& organization, const std::string& actor, const std::string& reason,
                          bool new_recovery_key);
  Result<int64_t> AddVersion(const std::string& organization, const crypto::KeyPair& keys,
                             const std::string& recovery_public_key);
  store::AuditRow Entry(const std::string& actor, const std::string& action, const std::string& organization,
                        const std::string& target);
  Status Audit(const std::string& actor, const std::string& action, const std::string& organization,
               const std::string& target);

  store::KeyStore& keys_;
  store::AuditStore& audit_;
  Clock now_;
  crypto::KdfParams kdf_;
  LoginThrottle throttle_;
};

}  // namespace hw::domain

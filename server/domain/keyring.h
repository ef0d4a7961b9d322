// Organisation keys, staff accounts, grants and login, GlobaLeaks-style:
// - each organisation has an X25519 key pair per version; its secret is stored only
//   wrapped under a recovery key that is printed once (no escrow) and sealed to the
//   staff members who hold a grant;
// - each staff member has a key pair whose secret is wrapped under an Argon2id key
//   derived from their password (parameters stored per user);
// - login derives that key, unwraps the staff secret, opens the grants: a wrong password
//   simply fails to unwrap. Failed logins slow down (no lockout an abuser could trigger).
// - a password must pass domain/password_policy.h; a successful login whose stored
//   Argon2id parameters are below the current ones re-wraps the staff secret under them.
// Thread-safe as far as its stores are; it holds no state of its own.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "crypto/password_kdf.h"
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

  // kInvalidArgument with one message for unknown e-mail and wrong password alike.
  Result<LoginResult> Login(const std::string& email, const std::string& password);

  // The wait after the n-th consecutive failed login of an account.
  static int LoginDelayMilliseconds(int64_t failures);

 private:
  // After a successful login: re-wraps the staff secret when its stored parameters are
  // weaker than kdf_ (a new salt too). Failure leaves the old wrapping, which still works.
  void StrengthenWrapping(const store::StaffRow& row, const std::string& password, const crypto::SecureBuffer& secret);
  Status Grant(int64_t staff_id, const std::string& staff_public_key, const std::string& organization, int64_t version,
               const crypto::SecureBuffer& org_secret);
  void Audit(const std::string& actor, const std::string& action, const std::string& organization,
             const std::string& target);

  store::KeyStore& keys_;
  store::AuditStore& audit_;
  Clock now_;
  crypto::KdfParams kdf_;
};

}  // namespace hw::domain

// Organisation key versions, staff accounts and grants. Secrets appear here only sealed
// or wrapped; this class never sees a plaintext key. Thread-safe (locks the connection
// for each call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace hw::store {

struct OrgKeyRow {
  std::string organization;
  int64_t version = 0;
  std::string public_key;
  // The secret for the printed recovery sheet: sealed to the organisation's recovery
  // public key (recovery_sealed), or, for versions made before there was one, wrapped
  // under that version's own sheet.
  std::string recovery_wrapped;
  int64_t created_at = 0;
  bool recovery_sealed = false;
};

struct StaffRow {
  int64_t id = 0;
  std::string email;
  std::optional<std::string> partner_of;  // organisation key
  bool is_editor = false;
  bool is_admin = false;
  std::string public_key;
  std::string wrapped_secret;  // staff secret key wrapped under the password-derived key
  std::string kdf_salt;
  int64_t kdf_ops = 0;
  int64_t kdf_mem = 0;
  int64_t failed_logins = 0;
  int64_t created_at = 0;
};

struct GrantRow {
  int64_t staff_id = 0;
  std::string organization;
  int64_t version = 0;
  std::string sealed_secret;  // organisation secret sealed to the staff public key
};

class KeyStore {
 public:
  explicit KeyStore(Database& db) : db_(db) {}

  // Adds the next version for the organisation and returns its number.
  Result<int64_t> AddOrgKey(const std::string& organization, const std::string& public_key,
                            const std::string& recovery_wrapped, bool recovery_sealed, int64_t now);
  Result<std::optional<OrgKeyRow>> CurrentOrgKey(const std::string& organization);
  Result<std::vector<OrgKeyRow>> OrgKeys(const std::string& organization);
  // Versions that are not current and no request uses any more; deleting them (and so
  // their grants) destroys the old secret for good.
  Result<int64_t> DeleteUnusedOldOrgKeys();
  // The public half of the organisation's printed recovery key; none for organisations
  // onboarded before there was one (until their next rotation makes one).
  Result<std::optional<std::string>> RecoveryPublicKey(const std::string& organization);
  Status SetRecoveryPublicKey(const std::string& organization, const std::string& public_key, int64_t now);
  // Copies what the -wal still holds into the database and empties it, so rows just
  // deleted (a removed person's wrapped keys and grants) leave no copy beside it.
  Status ScrubWal();

  Result<int64_t> AddStaff(const StaffRow& staff);
  Result<std::optional<StaffRow>> StaffByEmail(const std::string& email);
  Result<std::optional<StaffRow>> StaffById(int64_t id);
  Result<std::vector<StaffRow>> AllStaff();
  Status RemoveStaff(int64_t id);  // grants go with it (ON DELETE CASCADE)
  // Replaces the password wrapping of a staff secret (new salt, new Argon2id parameters).
  Status RewrapStaffSecret(int64_t id, const std::string& wrapped_secret, const std::string& kdf_salt, int64_t kdf_ops,
                           int64_t kdf_mem);

  Status PutGrant(const GrantRow& grant);
  Result<std::vector<GrantRow>> GrantsOf(int64_t staff_id);
  Result<std::vector<GrantRow>> GrantsFor(const std::string& organization);
  Status RemoveGrants(int64_t staff_id);

 private:
  Database& db_;
};

}  // namespace hw::store

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
  std::string recovery_wrapped;  // the secret wrapped under the printed recovery key
  int64_t created_at = 0;
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
                            const std::string& recovery_wrapped, int64_t now);
  Result<std::optional<OrgKeyRow>> CurrentOrgKey(const std::string& organization);
  Result<std::vector<OrgKeyRow>> OrgKeys(const std::string& organization);
  // Versions that are not current and no request uses any more; deleting them (and so
  // their grants) destroys the old secret for good.
  Result<int64_t> DeleteUnusedOldOrgKeys();

  Result<int64_t> AddStaff(const StaffRow& staff);
  Result<std::optional<StaffRow>> StaffByEmail(const std::string& email);
  Result<std::optional<StaffRow>> StaffById(int64_t id);
  Result<std::vector<StaffRow>> AllStaff();
  Status RemoveStaff(int64_t id);  // grants go with it (ON DELETE CASCADE)
  Status SetFailedLogins(int64_t id, int64_t count);
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

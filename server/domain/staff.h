// Who a staff member is for authorisation: roles and the organisation they are a partner
// of. Plain value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/sealing.h"

namespace hw::domain {

struct StaffIdentity {
  int64_t id = 0;
  std::string email;
  std::optional<std::string> partner_of;  // organisation key: may read that organisation's requests
  bool is_editor = false;                 // directory and texts; never requests
  bool is_admin = false;                  // users and organisations; requests only if also partner
  std::vector<std::string> Roles() const;
};

// One version of an organisation's key pair, decrypted for the length of a request.
struct OrgSecret {
  std::string organization;
  int64_t version = 0;
  crypto::KeyPair keys;
};

}  // namespace hw::domain

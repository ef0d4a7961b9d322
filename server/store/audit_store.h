// The audit log: who logged in, opened, changed or deleted which request, when. Never
// content. Kept 12 months. Thread-safe (locks the connection for each call).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace hw::store {

struct AuditRow {
  int64_t id = 0;
  int64_t at = 0;
  std::string actor;         // staff e-mail, or "operator" for the command line
  std::string action;        // "login", "open_request", "set_status:contacted", ...
  std::string organization;  // may be empty
  std::string target;        // request id, staff e-mail, ... may be empty
};

class AuditStore {
 public:
  explicit AuditStore(Database& db) : db_(db) {}
  Status Append(const AuditRow& row);
  Result<std::vector<AuditRow>> Recent(int64_t limit);
  Result<int64_t> PurgeOlderThan(int64_t cutoff);

 private:
  Database& db_;
};

}  // namespace hw::store

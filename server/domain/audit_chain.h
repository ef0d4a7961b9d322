// Checks the audit log's hash chain (store/audit_store.h) from the first entry kept to the
// last: every entry's hash must match its fields and the entry before it, and no entry
// from before the chain may follow a chained one. Names the first entry that does not, so
// an operator knows where the log was edited, shortened in the middle or added to. The
// chain alone cannot show entries cut off at the end, or a log rewritten with every hash
// recomputed: for that it checks a head noted down earlier (`NotedHead`), which must still
// be there with the same hash. Reads only; thread-safe as far as the store is.
#pragma once

#include <optional>
#include <string>

#include "store/audit_store.h"

namespace hw::domain {

struct NotedHead {
  int64_t id = 0;
  std::string hash_hex;
};

struct AuditChainReport {
  int64_t entries = 0;           // entries read
  int64_t unchained = 0;         // entries from before the chain (schema version 4), not checkable
  int64_t first_chained_id = 0;  // 0 when there is none
  int64_t head_id = 0;           // the last entry read
  std::string head_hash;         // its hash, hex: note it down to detect a shortened log
  std::optional<int64_t> broken_id;  // the first entry that does not fit
  std::string problem;               // what is wrong with it
  bool noted_head_purged = false;    // the noted entry is older than what retention keeps
};

Result<AuditChainReport> VerifyAuditChain(store::AuditStore& audit, const std::optional<NotedHead>& noted = std::nullopt);

}  // namespace hw::domain

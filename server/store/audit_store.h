// The audit log: who logged in, opened, changed or deleted which request, when. Never
// content. Kept 12 months. A hash chain (crypto/chain_hash.h): each entry stores the hash
// of the one before and its own hash over that and its fields, so an entry edited, removed
// or slipped in with sqlite3 breaks the chain at that point (domain/audit_chain.h checks
// it). Entries are numbered without gaps; a purge removes only the oldest, and the first
// entry left keeps the hash of the last one purged as its anchor.
// Thread-safe (locks the connection for each call).
#pragma once

#include <functional>
#include <optional>
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

// An entry as stored, with its links; the hashes are empty for entries from before the
// chain (schema version 4).
struct ChainedAuditRow {
  AuditRow row;
  std::string previous_hash;
  std::string entry_hash;
};

// One page of the audit view, newest first. Empty filters match everything.
struct AuditQuery {
  int64_t before_id = 0;  // only entries older than this one; 0: from the newest
  int64_t limit = 100;
  std::string actor;      // exact, any case
  std::string action;     // exact ("open_request"), or a family before a colon ("set_status")
  std::string target;     // exact: a request id, an e-mail, ...
};

// The hash an entry must carry, given the hash of the entry before it.
std::string AuditEntryHash(const std::string& previous_hash, const AuditRow& row);

class AuditStore {
 public:
  explicit AuditStore(Database& db) : db_(db) {}
  // Appends one entry, linked to the last. An error means nothing was written.
  Status Append(const AuditRow& row);
  // Appends `row`, then runs `action`, in one transaction: both happen or neither does. An
  // action whose entry cannot be written does not run (kUnavailable, naming the audit log);
  // an action that fails takes its entry with it.
  Status AppendWith(const AuditRow& row, const std::function<Status()>& action);
  // The same for an action whose entry names what it made (a version number): runs it,
  // then appends the entry it returns, in one transaction.
  Status AppendAfter(const std::function<Result<AuditRow>()>& action);
  Result<std::vector<AuditRow>> Page(const AuditQuery& query);
  // Every entry, oldest first, one at a time; stops at the first `visit` returning false.
  Status ForEach(const std::function<bool(const ChainedAuditRow&)>& visit);
  Result<int64_t> PurgeOlderThan(int64_t cutoff);

 private:
  Status AppendOrRefuse(const AuditRow& row);
  Database& db_;
};

}  // namespace hw::store

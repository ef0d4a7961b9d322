// The audit log as administrators read it: a page at a time, newest first, filtered by
// actor, action or request. Writing happens elsewhere, inside each use case and in the same
// transaction as what it records (a change whose entry cannot be written does not happen);
// `hulpwijzer audit verify` checks the chain (domain/audit_chain.h).
// Borrows the store, which must outlive it. Thread-safe.
#pragma once

#include <vector>

#include "store/audit_store.h"
#include "util/status.h"

namespace hw::domain {

class AuditTrail {
 public:
  using Query = store::AuditQuery;
  using Entry = store::AuditRow;

  explicit AuditTrail(store::AuditStore& audit) : audit_(audit) {}

  Result<std::vector<Entry>> Page(const Query& query) { return audit_.Page(query); }

 private:
  store::AuditStore& audit_;
};

}  // namespace hw::domain

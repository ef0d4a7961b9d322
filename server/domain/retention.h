// The retention rules of DESIGN.md, enforced: request content is deleted 7 days after it
// was closed, unhandled requests 30 days after they came in, audit entries after 12
// months, and old key versions once no request needs them. Deletion is real
// (secure_delete=ON, then a TRUNCATE checkpoint of the WAL).
#pragma once

#include <cstdint>

#include "store/audit_store.h"
#include "store/key_store.h"
#include "store/request_store.h"

namespace hw::domain {

constexpr int64_t kClosedRetentionSeconds = 7 * 24 * 3600;
constexpr int64_t kUnhandledRetentionSeconds = 30 * 24 * 3600;
constexpr int64_t kAuditRetentionSeconds = 365 * 24 * 3600;

struct RetentionReport {
  int64_t closed_requests = 0;
  int64_t unhandled_requests = 0;
  int64_t audit_entries = 0;
  int64_t old_key_versions = 0;
};

Result<RetentionReport> PurgeExpired(store::RequestStore& requests, store::KeyStore& keys, store::AuditStore& audit,
                                     int64_t now);

}  // namespace hw::domain

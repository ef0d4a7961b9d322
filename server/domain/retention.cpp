#include "domain/retention.h"

#include "util/plural.h"

namespace hw::domain {

Result<RetentionReport> PurgeExpired(store::RequestStore& requests, store::KeyStore& keys, store::AuditStore& audit,
                                     int64_t now) {
  RetentionReport report;
  auto purged = requests.Purge(now, kClosedRetentionSeconds, kUnhandledRetentionSeconds);
  if (!purged.ok()) return purged.status();
  report.closed_requests = purged->closed_expired;
  report.unhandled_requests = purged->unhandled_expired;
  auto old_keys = keys.DeleteUnusedOldOrgKeys();
  if (!old_keys.ok()) return old_keys.status();
  report.old_key_versions = old_keys.value();
  auto audit_entries = audit.PurgeOlderThan(now - kAuditRetentionSeconds);
  if (!audit_entries.ok()) return audit_entries.status();
  report.audit_entries = audit_entries.value();
  if (Status s = requests.CheckpointTruncate(); !s.ok()) return s;
  if (report.closed_requests || report.unhandled_requests || report.audit_entries || report.old_key_versions)
    if (Status s = audit.Append({0, now, "retention", "purge", "",
                                 Counted(report.closed_requests + report.unhandled_requests, "request", "requests")});
        !s.ok())
      return s;
  return report;
}

}  // namespace hw::domain

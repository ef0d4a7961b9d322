#include "store/audit_store.h"

namespace hw::store {

Status AuditStore::Append(const AuditRow& row) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("INSERT INTO audit_log (at, actor, action, organization, target) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!s.ok()) return s.status();
  s->Bind(1, row.at).Bind(2, row.actor).Bind(3, row.action).Bind(4, row.organization).Bind(5, row.target);
  return s->Run();
}

Result<std::vector<AuditRow>> AuditStore::Recent(int64_t limit) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, at, actor, action, COALESCE(organization, ''), COALESCE(target, '') FROM audit_log "
      "ORDER BY id DESC LIMIT ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, limit);
  std::vector<AuditRow> rows;
  while (s->Step()) rows.push_back({s->Int(0), s->Int(1), s->Text(2), s->Text(3), s->Text(4), s->Text(5)});
  if (!s->status().ok()) return s->status();
  return rows;
}

Result<int64_t> AuditStore::PurgeOlderThan(int64_t cutoff) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("DELETE FROM audit_log WHERE at < ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, cutoff);
  if (Status status = s->Run(); !status.ok()) return status;
  return static_cast<int64_t>(sqlite3_changes(db_.handle()));
}

}  // namespace hw::store

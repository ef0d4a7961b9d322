#include "store/audit_store.h"

#include "crypto/chain_hash.h"

namespace hw::store {

std::string AuditEntryHash(const std::string& previous_hash, const AuditRow& row) {
  const std::string id = std::to_string(row.id);
  const std::string at = std::to_string(row.at);
  return crypto::ChainHash(previous_hash, {id, at, row.actor, row.action, row.organization, row.target});
}

Status AuditStore::Append(const AuditRow& row) {
  return db_.Transaction([&]() -> Status {
    auto last = db_.Prepare("SELECT id, COALESCE(entry_hash, X'') FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last.ok()) return last.status();
    AuditRow entry = row;
    std::string previous_hash;
    entry.id = 1;
    if (last->Step()) {
      entry.id = last->Int(0) + 1;
      previous_hash = last->Blob(1);
    } else if (!last->status().ok()) {
      return last->status();
    }
    auto insert = db_.Prepare(
        "INSERT INTO audit_log (id, at, actor, action, organization, target, previous_hash, entry_hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, entry.id).Bind(2, entry.at).Bind(3, entry.actor).Bind(4, entry.action);
    insert->Bind(5, entry.organization).Bind(6, entry.target);
    insert->BindBlob(7, previous_hash).BindBlob(8, AuditEntryHash(previous_hash, entry));
    return insert->Run();
  });
}

Status AuditStore::AppendOrRefuse(const AuditRow& row) {
  if (Status recorded = Append(row); !recorded.ok())
    return Status::Unavailable("not done, because the audit log could not record it: " + recorded.message());
  return Status::Ok();
}

Status AuditStore::AppendWith(const AuditRow& row, const std::function<Status()>& action) {
  return db_.Transaction([&]() -> Status {
    if (Status recorded = AppendOrRefuse(row); !recorded.ok()) return recorded;
    return action();
  });
}

Status AuditStore::AppendAfter(const std::function<Result<AuditRow>()>& action) {
  return db_.Transaction([&]() -> Status {
    auto entry = action();
    if (!entry.ok()) return entry.status();
    return AppendOrRefuse(entry.value());
  });
}

Result<std::vector<AuditRow>> AuditStore::Page(const AuditQuery& query) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, at, actor, action, COALESCE(organization, ''), COALESCE(target, '') FROM audit_log "
      "WHERE (?1 = 0 OR id < ?1) AND (?2 = '' OR actor = ?2 COLLATE NOCASE) "
      "AND (?3 = '' OR action = ?3 OR substr(action, 1, length(?3) + 1) = ?3 || ':') "
      "AND (?4 = '' OR target = ?4) ORDER BY id DESC LIMIT ?5");
  if (!s.ok()) return s.status();
  s->Bind(1, query.before_id).Bind(2, query.actor).Bind(3, query.action).Bind(4, query.target).Bind(5, query.limit);
  return All<AuditRow>(s.value(), [](const Statement& r) {
    return AuditRow{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
  });
}

Status AuditStore::ForEach(const std::function<bool(const ChainedAuditRow&)>& visit) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, at, actor, action, COALESCE(organization, ''), COALESCE(target, ''), "
      "COALESCE(previous_hash, X''), COALESCE(entry_hash, X'') FROM audit_log ORDER BY id");
  if (!s.ok()) return s.status();
  while (s->Step()) {
    const ChainedAuditRow entry{{s->Int(0), s->Int(1), s->Text(2), s->Text(3), s->Text(4), s->Text(5)},
                                s->Blob(6), s->Blob(7)};
    if (!visit(entry)) return Status::Ok();
  }
  return s->status();
}

Result<int64_t> AuditStore::PurgeOlderThan(int64_t cutoff) {
  auto lock = db_.Lock();
  // Only a prefix: the entries before the first one that is kept, so the chain stays whole.
  auto s = db_.Prepare(
      "DELETE FROM audit_log WHERE id < COALESCE((SELECT MIN(id) FROM audit_log WHERE at >= ?1), "
      "(SELECT MAX(id) FROM audit_log))");
  if (!s.ok()) return s.status();
  s->Bind(1, cutoff);
  if (Status status = s->Run(); !status.ok()) return status;
  return static_cast<int64_t>(sqlite3_changes(db_.handle()));
}

}  // namespace hw::store

#include "store/request_store.h"

namespace hw::store {
namespace {

// The row of a "SELECT id, organization, key_version, status, created_at, closed_at".
RequestRow ReadSummary(const Statement& s) {
  RequestRow row{s.Text(0), s.Text(1), s.Int(2), "", std::nullopt, s.Text(3), s.Int(4), std::nullopt};
  if (!s.IsNull(5)) row.closed_at = s.Int(5);
  return row;
}

Result<std::vector<RequestRow>> Summaries(Statement& s) { return All<RequestRow>(s, ReadSummary); }

}  // namespace

Result<bool> RequestStore::InsertUnlessFull(const RequestRow& row, int64_t max_open) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "INSERT INTO contact_requests (id, organization, key_version, sealed, status, created_at) "
      "SELECT ?1, ?2, ?3, ?4, 'new', ?5 "
      "WHERE (SELECT COUNT(*) FROM contact_requests WHERE organization = ?2 AND status <> 'closed') < ?6 "
      "AND ?3 = (SELECT MAX(version) FROM org_keys WHERE organization = ?2)");
  if (!s.ok()) return s.status();
  s->Bind(1, row.id).Bind(2, row.organization).Bind(3, row.key_version).BindBlob(4, row.sealed).Bind(5, row.created_at);
  s->Bind(6, max_open);
  const Status status = s->Run();  // autocommit: with synchronous=FULL the commit is on disk when this returns
  if (!status.ok()) return status;
  return sqlite3_changes(db_.handle()) > 0;
}

Result<std::vector<RequestRow>> RequestStore::List(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, organization, key_version, status, created_at, closed_at FROM contact_requests "
      "WHERE organization = ?1 ORDER BY (status = 'new') DESC, created_at DESC");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  return Summaries(s.value());
}

Result<std::vector<RequestRow>> RequestStore::ListWindow(const std::string& organization, int64_t from, int64_t to,
                                                        int64_t limit) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, organization, key_version, status, created_at, closed_at FROM contact_requests "
      "WHERE organization = ?1 AND created_at >= ?2 AND created_at < ?3 ORDER BY created_at DESC LIMIT ?4");
  if (!s.ok()) return s.status();
  s->Bind(1, organization).Bind(2, from).Bind(3, to).Bind(4, limit);
  return Summaries(s.value());
}

Result<std::optional<RequestRow>> RequestStore::Get(const std::string& id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT id, organization, key_version, sealed, note_sealed, status, created_at, closed_at FROM contact_requests "
      "WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  return One<RequestRow>(s.value(), [](const Statement& r) {
    RequestRow row{r.Text(0), r.Text(1), r.Int(2), r.Blob(3), r.OptionalBlob(4), r.Text(5), r.Int(6), std::nullopt};
    if (!r.IsNull(7)) row.closed_at = r.Int(7);
    return row;
  });
}

Status RequestStore::SetStatus(const std::string& id, const std::string& status, int64_t now) {
  auto lock = db_.Lock();
  // closed_at starts the 7-day retention clock; reopening stops it.
  auto s = db_.Prepare(
      "UPDATE contact_requests SET status = ?2, closed_at = CASE WHEN ?2 = 'closed' THEN COALESCE(closed_at, ?3) "
      "ELSE NULL END WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id).Bind(2, status).Bind(3, now);
  return s->Run();
}

Status RequestStore::SetNote(const std::string& id, const std::optional<std::string>& note_sealed) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("UPDATE contact_requests SET note_sealed = ?2 WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id).BindOptionalBlob(2, note_sealed);
  return s->Run();
}

Result<bool> RequestStore::Delete(const std::string& id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("DELETE FROM contact_requests WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  const Status status = s->Run();
  if (!status.ok()) return status;
  return sqlite3_changes(db_.handle()) > 0;
}

Result<int64_t> RequestStore::DeleteMany(const std::string& organization, const std::vector<std::string>& ids) {
  auto lock = db_.Lock();
  int64_t deleted = 0;
  const Status status = db_.Transaction([&]() -> Status {
    for (const std::string& id : ids) {
      auto s = db_.Prepare("DELETE FROM contact_requests WHERE id = ?1 AND organization = ?2");
      if (!s.ok()) return s.status();
      s->Bind(1, id).Bind(2, organization);
      if (Status run = s->Run(); !run.ok()) return run;
      deleted += sqlite3_changes(db_.handle());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return deleted;
}

Result<int64_t> RequestStore::CountNew(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT COUNT(*) FROM contact_requests WHERE organization = ?1 AND status = 'new'");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  if (!s->Step()) return s->status().ok() ? Status::Internal("count failed") : s->status();
  return s->Int(0);
}

Result<int64_t> RequestStore::CountAll() {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT COUNT(*) FROM contact_requests");
  if (!s.ok()) return s.status();
  if (!s->Step()) return s->status().ok() ? Status::Internal("count failed") : s->status();
  return s->Int(0);
}

Result<PurgeCounts> RequestStore::Purge(int64_t now, int64_t closed_retention_seconds,
                                        int64_t unhandled_retention_seconds) {
  auto lock = db_.Lock();
  PurgeCounts counts;
  const Status status = db_.Transaction([&]() -> Status {
    auto closed = db_.Prepare("DELETE FROM contact_requests WHERE status = 'closed' AND closed_at <= ?1");
    if (!closed.ok()) return closed.status();
    closed->Bind(1, now - closed_retention_seconds);
    if (Status s = closed->Run(); !s.ok()) return s;
    counts.closed_expired = sqlite3_changes(db_.handle());
    auto unhandled = db_.Prepare("DELETE FROM contact_requests WHERE status <> 'closed' AND created_at <= ?1");
    if (!unhandled.ok()) return unhandled.status();
    unhandled->Bind(1, now - unhandled_retention_seconds);
    if (Status s = unhandled->Run(); !s.ok()) return s;
    counts.unhandled_expired = sqlite3_changes(db_.handle());
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (Status s = CheckpointTruncate(); !s.ok()) return s;
  return counts;
}

Status RequestStore::CheckpointTruncate() { return db_.CheckpointTruncate(); }

}  // namespace hw::store

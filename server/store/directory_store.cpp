#include "store/directory_store.h"

namespace hw::store {
namespace {

// The row of a "SELECT version, directory, questionnaire, published_at, published_by".
DirectoryVersion ReadVersion(const Statement& s) { return {s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4)}; }

}  // namespace

Result<std::optional<DirectoryVersion>> DirectoryStore::Current() {
  auto lock = db_.Lock();
  auto statement = db_.Prepare(
      "SELECT version, directory, questionnaire, published_at, published_by FROM directory_versions "
      "ORDER BY version DESC LIMIT 1");
  if (!statement.ok()) return statement.status();
  return One<DirectoryVersion>(statement.value(), ReadVersion);
}

Result<int64_t> DirectoryStore::Publish(const std::string& directory, const std::string& questionnaire,
                                        const std::string& author, const std::string& note) {
  int64_t version = 0;
  const Status status = db_.Transaction([&]() -> Status {
    auto insert = db_.Prepare(
        "INSERT INTO directory_versions (directory, questionnaire, published_at, published_by, note) "
        "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3, ?4)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, directory).Bind(2, questionnaire).Bind(3, author).Bind(4, note);
    const Status run = insert->Run();
    if (!run.ok()) return run;
    version = sqlite3_last_insert_rowid(db_.handle());
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return version;
}


Result<std::optional<DirectoryVersion>> DirectoryStore::Version(int64_t version) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT version, directory, questionnaire, published_at, published_by FROM directory_versions WHERE version = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, version);
  return One<DirectoryVersion>(s.value(), ReadVersion);
}

Result<std::vector<VersionInfo>> DirectoryStore::Versions() {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT version, published_at, published_by, note FROM directory_versions ORDER BY version DESC");
  if (!s.ok()) return s.status();
  return All<VersionInfo>(s.value(), [](const Statement& r) { return VersionInfo{r.Int(0), r.Text(1), r.Text(2), r.Text(3)}; });
}

Result<std::optional<Draft>> DirectoryStore::GetDraft() {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "SELECT revision, based_on, directory, questionnaire, updated_at, updated_by FROM directory_draft WHERE id = 1");
  if (!s.ok()) return s.status();
  return One<Draft>(s.value(), [](const Statement& r) {
    return Draft{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)};
  });
}

Result<int64_t> DirectoryStore::SaveDraft(int64_t expected_revision, int64_t based_on, const std::string& directory,
                                          const std::string& questionnaire, int64_t now, const std::string& editor) {
  int64_t revision = 0;
  const Status status = db_.Transaction([&]() -> Status {
    auto current = db_.Prepare("SELECT revision, based_on FROM directory_draft WHERE id = 1");
    if (!current.ok()) return current.status();
    const bool exists = current->Step();
    const int64_t found = exists ? current->Int(0) : 0;
    const int64_t base = exists ? current->Int(1) : based_on;
    if (found != expected_revision)
      return Status::AlreadyExists("the draft was changed by someone else (revision " + std::to_string(found) +
                                   ", you had " + std::to_string(expected_revision) + ")")
          .WithReason(Reason::kDraftChanged);
    revision = found + 1;
    auto write = db_.Prepare(
        "INSERT OR REPLACE INTO directory_draft (id, revision, based_on, directory, questionnaire, updated_at, updated_by) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)");
    if (!write.ok()) return write.status();
    write->Bind(1, revision).Bind(2, base).Bind(3, directory).Bind(4, questionnaire).Bind(5, now).Bind(6, editor);
    return write->Run();
  });
  if (!status.ok()) return status;
  return revision;
}

Status DirectoryStore::DeleteDraft() {
  auto lock = db_.Lock();
  return db_.Exec("DELETE FROM directory_draft");
}

Result<int64_t> DirectoryStore::PublishDraft(int64_t expected_revision, const std::string& author, const std::string& note) {
  int64_t version = 0;
  const Status status = db_.Transaction([&]() -> Status {
    auto draft = db_.Prepare("SELECT revision, based_on, directory, questionnaire FROM directory_draft WHERE id = 1");
    if (!draft.ok()) return draft.status();
    if (!draft->Step()) return Status::NotFound("there is no draft to publish").WithReason(Reason::kNoDraft);
    if (draft->Int(0) != expected_revision)
      return Status::AlreadyExists("the draft was changed by someone else since you loaded it").WithReason(Reason::kDraftChanged);
    auto latest = db_.Prepare("SELECT COALESCE(MAX(version), 0) FROM directory_versions");
    if (!latest.ok() || !latest->Step()) return Status::IoError("cannot read the published version");
    if (latest->Int(0) != draft->Int(1))
      return Status::FailedPrecondition("version " + std::to_string(latest->Int(0)) +
                                   " was published after this draft was started; reload and check the draft")
          .WithReason(Reason::kDraftOutdated);
    auto insert = db_.Prepare(
        "INSERT INTO directory_versions (directory, questionnaire, published_at, published_by, note) "
        "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3, ?4)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, draft->Text(2)).Bind(2, draft->Text(3)).Bind(3, author).Bind(4, note);
    if (Status s = insert->Run(); !s.ok()) return s;
    version = sqlite3_last_insert_rowid(db_.handle());
    return db_.Exec("DELETE FROM directory_draft");
  });
  if (!status.ok()) return status;
  return version;
}

}  // namespace hw::store

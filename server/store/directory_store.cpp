#include "store/directory_store.h"

namespace hw::store {

Result<std::optional<DirectoryVersion>> DirectoryStore::Current() {
  auto statement = db_.Prepare(
      "SELECT version, directory, questionnaire, published_at, published_by FROM directory_versions "
      "ORDER BY version DESC LIMIT 1");
  if (!statement.ok()) return statement.status();
  if (!statement->Step()) {
    if (!statement->status().ok()) return statement->status();
    return std::optional<DirectoryVersion>();
  }
  return std::optional<DirectoryVersion>(DirectoryVersion{statement->Int(0), statement->Text(1), statement->Text(2),
                                                          statement->Text(3), statement->Text(4)});
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

}  // namespace hw::store

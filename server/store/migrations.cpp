#include "store/migrations.h"

#include <vector>

namespace hw::store {
namespace {

// Step N brings the schema from version N to N+1. Never edit a released step: add one.
const std::vector<const char*> kSteps = {
    // 0 -> 1: published versions of the directory and questionnaire. Each publication is a
    // new row; the current one is the highest version. Nothing is ever updated in place.
    R"sql(
    CREATE TABLE directory_versions (
      version        INTEGER PRIMARY KEY,
      directory      TEXT NOT NULL,
      questionnaire  TEXT NOT NULL,
      published_at   TEXT NOT NULL,
      published_by   TEXT NOT NULL,
      note           TEXT NOT NULL DEFAULT ''
    ) STRICT;
    )sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kSteps.size()); }

Result<int> SchemaVersion(Database& db) {
  auto statement = db.Prepare("PRAGMA user_version");
  if (!statement.ok()) return statement.status();
  if (!statement->Step()) return Status::Corruption("cannot read the schema version of " + db.path());
  return static_cast<int>(statement->Int(0));
}

Status Migrate(Database& db, int target) {
  if (target < 0) target = LatestSchemaVersion();
  return db.Transaction([&]() -> Status {
    auto current = SchemaVersion(db);
    if (!current.ok()) return current.status();
    if (current.value() > LatestSchemaVersion()) {
      return Status::FailedPrecondition("database " + db.path() + " has schema version " + std::to_string(current.value()) +
                                        ", newer than this program knows (" + std::to_string(LatestSchemaVersion()) +
                                        "); install the newer hulpwijzer or restore a matching backup");
    }
    for (int version = current.value(); version < target; ++version) {
      const Status status = db.Exec(kSteps[version]);
      if (!status.ok())
        return Status::Internal("migration to schema version " + std::to_string(version + 1) + " failed: " + status.message());
    }
    if (target > current.value()) return db.Exec("PRAGMA user_version=" + std::to_string(target));
    return Status::Ok();
  });
}

}  // namespace hw::store

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
    // 1 -> 2: encrypted contact requests, organisation keys, staff, grants, audit log.
    // Content columns hold only sealed bytes; see DESIGN.md "Contact requests and keys".
    R"sql(
    CREATE TABLE org_keys (
      organization      TEXT NOT NULL,
      version           INTEGER NOT NULL,
      public_key        BLOB NOT NULL,
      recovery_wrapped  BLOB NOT NULL,
      created_at        INTEGER NOT NULL,
      PRIMARY KEY (organization, version)
    ) STRICT;
    CREATE TABLE staff (
      id              INTEGER PRIMARY KEY,
      email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
      partner_of      TEXT,
      is_editor       INTEGER NOT NULL DEFAULT 0,
      is_admin        INTEGER NOT NULL DEFAULT 0,
      public_key      BLOB NOT NULL,
      wrapped_secret  BLOB NOT NULL,
      kdf_salt        BLOB NOT NULL,
      kdf_ops         INTEGER NOT NULL,
      kdf_mem         INTEGER NOT NULL,
      failed_logins   INTEGER NOT NULL DEFAULT 0,
      created_at      INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE grants (
      staff_id       INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      organization   TEXT NOT NULL,
      version        INTEGER NOT NULL,
      sealed_secret  BLOB NOT NULL,
      PRIMARY KEY (staff_id, organization, version),
      FOREIGN KEY (organization, version) REFERENCES org_keys(organization, version) ON DELETE CASCADE
    ) STRICT;
    CREATE TABLE contact_requests (
      id            TEXT PRIMARY KEY,
      organization  TEXT NOT NULL,
      key_version   INTEGER NOT NULL,
      sealed        BLOB NOT NULL,
      note_sealed   BLOB,
      status        TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'contacted', 'closed')),
      created_at    INTEGER NOT NULL,
      closed_at     INTEGER,
      FOREIGN KEY (organization, key_version) REFERENCES org_keys(organization, version)
    ) STRICT;
    CREATE INDEX contact_requests_by_organization ON contact_requests(organization, created_at);
    CREATE TABLE audit_log (
      id            INTEGER PRIMARY KEY,
      at            INTEGER NOT NULL,
      actor         TEXT NOT NULL,
      action        TEXT NOT NULL,
      organization  TEXT,
      target        TEXT
    ) STRICT;
    CREATE INDEX audit_log_by_time ON audit_log(at);
    )sql",
    // 2 -> 3: the editors' shared draft of the next directory version. One row at most;
    // `revision` guards against two editors overwriting each other, `based_on` against
    // publishing over a version someone else published meanwhile.
    R"sql(
    CREATE TABLE directory_draft (
      id             INTEGER PRIMARY KEY CHECK (id = 1),
      revision       INTEGER NOT NULL,
      based_on       INTEGER NOT NULL,
      directory      TEXT NOT NULL,
      questionnaire  TEXT NOT NULL,
      updated_at     INTEGER NOT NULL,
      updated_by     TEXT NOT NULL
    ) STRICT;
    )sql",
    // 3 -> 4: the audit log becomes a hash chain (crypto/chain_hash.h): entry_hash covers
    // previous_hash and the entry's fields. Entries from before have neither and are not
    // chained. Indexes for the audit view's filters.
    R"sql(
    ALTER TABLE audit_log ADD COLUMN previous_hash BLOB;
    ALTER TABLE audit_log ADD COLUMN entry_hash BLOB;
    CREATE INDEX audit_log_by_actor ON audit_log(actor COLLATE NOCASE);
    CREATE INDEX audit_log_by_target ON audit_log(target);
    )sql",
    // 4 -> 5: one recovery key pair per organisation. The printed sheet is its secret; every
    // key version made from now on is sealed to its public key (recovery_sealed = 1), so a
    // rotation (as at every removal of staff) needs no new sheet. Versions made before
    // (recovery_sealed = 0) stay wrapped under their own sheet.
    R"sql(
    CREATE TABLE org_recovery (
      organization  TEXT PRIMARY KEY,
      public_key    BLOB NOT NULL,
      created_at    INTEGER NOT NULL
    ) STRICT;
    ALTER TABLE org_keys ADD COLUMN recovery_sealed INTEGER NOT NULL DEFAULT 0;
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

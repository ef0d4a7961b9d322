#include "store/backup.h"

#include <cstdio>

#include "util/file_io.h"

namespace hw::store {
namespace {

// A read-only connection to a database file that must not be modified or created.
struct ReadOnly {
  sqlite3* db = nullptr;
  explicit ReadOnly(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(db);
      db = nullptr;
    }
  }
  ~ReadOnly() { sqlite3_close(db); }
};

}  // namespace

Status BackupTo(Database& db, const std::string& target) {
  const std::string temporary = target + ".partial";
  std::remove(temporary.c_str());
  {
    auto lock = db.Lock();
    auto vacuum = db.Prepare("VACUUM INTO ?1");
    if (!vacuum.ok()) return vacuum.status();
    vacuum->Bind(1, temporary);
    if (Status s = vacuum->Run(); !s.ok()) {
      std::remove(temporary.c_str());
      return Status::IoError("cannot write the backup " + temporary + ": " + s.message());
    }
  }
  if (Status s = CheckIntegrity(temporary); !s.ok()) {
    std::remove(temporary.c_str());
    return s;
  }
  // The copy holds sealed requests and wrapped keys; main() sets umask 077 already, this
  // keeps the promise for any other caller too.
  if (Status s = MakeOwnerOnly(temporary); !s.ok()) return s;
  if (Status s = FsyncPath(temporary); !s.ok()) return s;
  return RenameDurably(temporary, target);
}

Status CheckIntegrity(const std::string& path) {
  ReadOnly file(path);
  if (!file.db) return Status::IoError("cannot open " + path + " as a database");
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(file.db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK)
    return Status::Corruption(path + " is not a database: " + sqlite3_errmsg(file.db));
  std::string result;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    result += (result.empty() ? "" : "; ") + std::string(text ? reinterpret_cast<const char*>(text) : "");
  }
  const int rc = sqlite3_finalize(stmt);
  if (rc != SQLITE_OK) return Status::Corruption(path + " cannot be checked: " + sqlite3_errstr(rc));
  if (result != "ok") return Status::Corruption(path + " fails its integrity check: " + result);
  return Status::Ok();
}

Result<int> FileSchemaVersion(const std::string& path) {
  ReadOnly file(path);
  if (!file.db) return Status::IoError("cannot open " + path + " as a database");
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(file.db, "PRAGMA user_version", -1, &stmt, nullptr) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW) {
    sqlite3_finalize(stmt);
    return Status::Corruption(path + " is not a database");
  }
  const int version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return version;
}

}  // namespace hw::store

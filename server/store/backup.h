// Consistent copies of the database. VACUUM INTO writes a fresh, compact file from one
// read transaction (so it is consistent while the server writes, and deleted content is
// not carried over); it does not fsync, so the copy is synced and renamed into place
// here. Safe to run while the server runs.
#pragma once

#include <string>

#include "store/database.h"

namespace hw::store {

// Writes a copy of `db` to `target` atomically (old file or complete new one).
Status BackupTo(Database& db, const std::string& target);
// PRAGMA integrity_check of a database file, opened read-only; ok or what is wrong.
Status CheckIntegrity(const std::string& path);
// user_version of a database file, opened read-only.
Result<int> FileSchemaVersion(const std::string& path);

}  // namespace hw::store

// Schema migrations. The schema version lives in PRAGMA user_version; missing steps are
// applied in one BEGIN IMMEDIATE transaction, so a crash leaves the old or the new schema,
// never half of one. A database newer than this binary is refused (no silent downgrade).
#pragma once

#include "store/database.h"

namespace hw::store {

// The version this binary's schema ends at.
int LatestSchemaVersion();

// Brings the database to `target` (default: the latest).
Status Migrate(Database& db, int target = -1);

// PRAGMA user_version.
Result<int> SchemaVersion(Database& db);

}  // namespace hw::store

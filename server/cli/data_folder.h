// Opening the data folder the way every command that writes needs it: create it (mode
// 0700), open DIR/hulpwijzer.db with its pragmas, and migrate. Errors carry the exit code.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace hw::cli {

struct OpenedData {
  std::unique_ptr<store::Database> db;
  int exit_code = 0;  // non-zero on failure
  std::string error;
};

OpenedData OpenDataFolder(const std::string& dir);

// For commands that only read (directory export): opens DIR/hulpwijzer.db read-only, and
// never creates, migrates or writes anything, so it works beside a running server and on
// a read-only copy. A database at another schema version than this binary's is refused.
OpenedData OpenDataFolderToRead(const std::string& dir);

// Seconds since the epoch (the clock every command and the server use).
int64_t UnixNow();

}  // namespace hw::cli

// Opening the data folder the way every command needs it: create it (mode 0700), open
// DIR/hulpwijzer.db with its pragmas, and migrate. Errors carry the exit code to use.
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

// Seconds since the epoch (the clock every command and the server use).
int64_t UnixNow();

}  // namespace hw::cli

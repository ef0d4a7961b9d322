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

// Both openers refuse root on another user's folder (RootMayNotUse, exit 77).
OpenedData OpenDataFolder(const std::string& dir);

// For commands that only read (directory export): opens DIR/hulpwijzer.db read-only, and
// never creates, migrates or writes anything, so it works beside a running server and on
// a read-only copy. A database at another schema version than this binary's is refused.
OpenedData OpenDataFolderToRead(const std::string& dir);

// Root running a command on the service's data folder would leave files only root may
// write (a -wal, a -shm, a new or restored database), and the service, which runs as its
// own user, would then fail to start. So every command refuses root on a folder or
// database of another user (exit 77): this returns why, with the command to use instead,
// or "" when the caller may go on. Other users can only make files where they may write.
std::string RootMayNotUse(const std::string& dir);

// Seconds since the epoch (the clock every command and the server use).
int64_t UnixNow();

}  // namespace hw::cli

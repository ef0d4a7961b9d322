// An exclusive lock on a data folder (flock on DIR/.lock), held for the life of the
// object. The server holds it while it runs; restore takes it, so a restore can never
// replace the database under a running server, and two servers never share a folder.
// The kernel releases it when the process dies, even by SIGKILL.
#pragma once

#include <memory>
#include <string>

#include "util/status.h"

namespace hw {

class FolderLock {
 public:
  // kUnavailable when another process holds the lock.
  static Result<std::unique_ptr<FolderLock>> Acquire(const std::string& folder);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace hw

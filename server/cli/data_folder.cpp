#include "cli/data_folder.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "cli/exit_codes.h"
#include "store/migrations.h"

namespace hw::cli {

std::string RootMayNotUse(const std::string& dir) {
  if (::geteuid() != 0) return "";
  struct stat info {};
  uid_t owner = 0;
  for (const std::string& path : {dir, store::DatabasePath(dir)})
    if (::stat(path.c_str(), &info) == 0 && info.st_uid != 0) owner = info.st_uid;
  if (owner == 0) return "";
  const struct passwd* user = ::getpwuid(owner);
  const std::string name = user ? user->pw_name : std::to_string(owner);
  return "the data folder " + dir + " belongs to user " + name + "; run this command as that user (sudo -u " + name +
         " hulpwijzer ...): as root it would leave files the server cannot write";
}

namespace {

bool RefusedForRoot(const std::string& dir, OpenedData& opened) {
  opened.error = RootMayNotUse(dir);
  if (opened.error.empty()) return false;
  opened.exit_code = kExitNoPermission;
  return true;
}

}  // namespace

OpenedData OpenDataFolder(const std::string& dir) {
  OpenedData opened;
  if (RefusedForRoot(dir, opened)) return opened;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    opened.exit_code = kExitCantCreate;
    opened.error = "cannot create the data folder " + dir + ": " + error.message();
    return opened;
  }
  ::chmod(dir.c_str(), 0700);  // contact requests live here: owner only
  const std::string path = store::DatabasePath(dir);
  const bool existed = std::filesystem::exists(path, error);
  auto db = store::Database::Open(path);
  if (!db.ok()) {
    // sysexits(3): EX_CANTCREAT is an output file that cannot be created, so only a
    // database that is not there yet. One that is there but cannot be opened for writing
    // (a read-only folder or file system, say) is an I/O error on it: EX_IOERR.
    opened.exit_code = existed ? kExitIoError : kExitCantCreate;
    opened.error = db.status().message();
    return opened;
  }
  if (Status migrated = store::Migrate(*db.value()); !migrated.ok()) {
    opened.exit_code = kExitIoError;
    opened.error = migrated.message();
    return opened;
  }
  opened.db = std::move(db.value());
  return opened;
}

OpenedData OpenDataFolderToRead(const std::string& dir) {
  OpenedData opened;
  if (RefusedForRoot(dir, opened)) return opened;
  const std::string path = store::DatabasePath(dir);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    opened.exit_code = kExitNoInput;
    opened.error = "there is no database in " + dir + " (see --data)";
    return opened;
  }
  auto db = store::Database::OpenReadOnly(path);
  if (!db.ok()) {
    opened.exit_code = kExitIoError;
    opened.error = db.status().message();
    return opened;
  }
  auto version = store::SchemaVersion(*db.value());
  if (!version.ok() || version.value() != store::LatestSchemaVersion()) {
    opened.exit_code = kExitIoError;
    opened.error = !version.ok() ? version.status().message()
                                 : "database " + path + " has schema version " + std::to_string(version.value()) +
                                       " and this program reads version " + std::to_string(store::LatestSchemaVersion()) +
                                       (version.value() < store::LatestSchemaVersion()
                                            ? " (start the server on it once to upgrade it)"
                                            : " (install the newer hulpwijzer)");
    return opened;
  }
  opened.db = std::move(db.value());
  return opened;
}

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace hw::cli

// hulpwijzer backup / restore: consistent, fsynced, atomic copies of the database.
#include <filesystem>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/exit_codes.h"
#include "store/backup.h"
#include "store/migrations.h"
#include "util/file_io.h"
#include "util/folder_lock.h"

namespace hw::cli {

const char* const kBackupHelp =
    "usage: hulpwijzer backup [--data DIR] FILE\n"
    "\n"
    "Writes a consistent copy of DIR/hulpwijzer.db to FILE while the server keeps running.\n"
    "The copy holds no deleted content, passes PRAGMA integrity_check, is synced to disk\n"
    "and appears atomically (FILE is either the old file or the complete new copy).\n"
    "It contains sealed contact requests: keep backups 14 days at most (purged requests\n"
    "must really disappear) and encrypt off-site copies (see deploy/README.md).\n";

const char* const kRestoreHelp =
    "usage: hulpwijzer restore [--data DIR] FILE\n"
    "\n"
    "Replaces DIR/hulpwijzer.db with the backup FILE. Stop the server first: restore\n"
    "refuses while it runs. FILE must pass its integrity check and must not be from a\n"
    "newer version of hulpwijzer. The old database is kept as hulpwijzer.db.before-restore.\n";

namespace {

constexpr const char* kDefaultData = "hulpwijzer-data";

int Fail(const char* command, int code, const std::string& message) {
  std::cerr << "hulpwijzer " << command << ": " << message << "\n";
  return code;
}

}  // namespace

int RunBackup(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data"}, {"help"});
  if (!args.ok()) return Fail("backup", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kBackupHelp, kExitOk;
  if (args->positional().size() != 1) return std::cerr << kBackupHelp, kExitUsage;
  const std::string dir = args->Get("data").value_or(kDefaultData);
  if (!std::filesystem::exists(store::DatabasePath(dir)))
    return Fail("backup", kExitNoInput, "there is no database in " + dir + " (see --data)");
  OpenedData data = OpenDataFolder(dir);
  if (!data.db) return Fail("backup", data.exit_code, data.error);
  const std::string target = args->positional()[0];
  if (Status s = store::BackupTo(*data.db, target); !s.ok()) return Fail("backup", kExitIoError, s.message());
  std::cout << "backup written to " << target << " (" << std::filesystem::file_size(target) << " bytes, integrity ok)\n";
  return kExitOk;
}

int RunRestore(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data"}, {"help"});
  if (!args.ok()) return Fail("restore", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kRestoreHelp, kExitOk;
  if (args->positional().size() != 1) return std::cerr << kRestoreHelp, kExitUsage;
  const std::string source = args->positional()[0];
  const std::string dir = args->Get("data").value_or(kDefaultData);
  if (const std::string why = RootMayNotUse(dir); !why.empty()) return Fail("restore", kExitNoPermission, why);
  if (!std::filesystem::exists(source)) return Fail("restore", kExitNoInput, "cannot find the backup " + source);
  if (Status s = store::CheckIntegrity(source); !s.ok()) return Fail("restore", kExitDataError, s.message());
  auto version = store::FileSchemaVersion(source);
  if (!version.ok()) return Fail("restore", kExitDataError, version.status().message());
  if (version.value() > store::LatestSchemaVersion())
    return Fail("restore", kExitDataError, "the backup is from a newer hulpwijzer (schema " +
                                               std::to_string(version.value()) + "); install that version first");
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  auto lock = FolderLock::Acquire(dir);
  if (!lock.ok()) return Fail("restore", kExitUnavailable, lock.status().message());
  const std::string db = store::DatabasePath(dir);
  if (std::filesystem::exists(db)) {
    // Fold the WAL into the old file before keeping it aside.
    if (auto old = store::Database::Open(db); old.ok()) (void)old.value()->CheckpointTruncate();
    if (Status s = RenameDurably(db, db + ".before-restore"); !s.ok()) return Fail("restore", kExitIoError, s.message());
    if (Status s = MakeOwnerOnly(db + ".before-restore"); !s.ok()) return Fail("restore", kExitIoError, s.message());
  }
  store::RemoveJournalFiles(db);
  if (Status s = CopyFileAtomically(source, db); !s.ok()) return Fail("restore", kExitIoError, s.message());
  std::cout << "restored " << source << " into " << db << "; start the server to continue\n";
  return kExitOk;
}

}  // namespace hw::cli

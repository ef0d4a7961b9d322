// hulpwijzer: the discreet help finder for gender-related violence in Nijmegen and
// Gelderland-Zuid. One binary: the resident app, its API, and operator commands.
#include <sys/stat.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "crypto/password_kdf.h"

namespace {

const char* const kHelp =
    "usage: hulpwijzer COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  serve                 serve the help finder and its API (hulpwijzer serve --help)\n"
    "  directory validate    check directory and questionnaire data\n"
    "  directory export      the directory as Open Referral HSDS 3.0 JSON\n"
    "  org keys create|rotate  an organisation's keys and recovery sheet\n"
    "  user add|grant|remove|list  staff accounts and their access\n"
    "  purge                 delete what the retention rules no longer allow\n"
    "  backup FILE           a consistent, atomic copy of the database (server may run)\n"
    "  restore FILE          replace the database with a backup (server stopped)\n"
    "  audit verify          check that nobody changed the audit log by hand\n"
    "  demo                  a DEMO data folder with accounts for the staff portal\n"
    "\n"
    "  --version             print the version\n"
    "  --help                print this help\n"
    "\n"
    "Secrets are never read from the command line; commands that need one read it from\n"
    "standard input or a file.\n";

}  // namespace

int main(int argc, char** argv) {
  // Everything this program creates (databases and their -wal/-shm, backups, restored
  // copies, lock files) holds sealed requests or wrapped keys: owner only, whatever the
  // umask of the shell or timer that started it (Debian's default 022 would make them
  // world-readable).
  ::umask(S_IRWXG | S_IRWXO);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? std::cerr : std::cout) << kHelp;
    return args.empty() ? hw::cli::kExitUsage : hw::cli::kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "hulpwijzer " << HW_VERSION
              << (hw::crypto::KdfParams::FastSwitchHonoured() ? " (test build: honours HULPWIJZER_FAST_KDF_FOR_TESTS)" : "")
              << "\n";
    return hw::cli::kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "serve") return hw::cli::RunServe(args);
  if (command == "directory") return hw::cli::RunDirectory(args);
  if (command == "org") return hw::cli::RunOrg(args);
  if (command == "user") return hw::cli::RunUser(args);
  if (command == "purge") return hw::cli::RunPurge(args);
  if (command == "demo") return hw::cli::RunDemo(args);
  if (command == "backup") return hw::cli::RunBackup(args);
  if (command == "restore") return hw::cli::RunRestore(args);
  if (command == "audit") return hw::cli::RunAudit(args);
  std::cerr << "hulpwijzer: unknown command \"" << command << "\"\n\n" << kHelp;
  return hw::cli::kExitUsage;
}

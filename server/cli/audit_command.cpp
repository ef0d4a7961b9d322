// `hulpwijzer audit verify`: checks the audit log's hash chain (domain/audit_chain.h) on
// the data folder, read-only, so it runs beside the server and on a restored copy.
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/exit_codes.h"
#include "domain/audit_chain.h"
#include "util/plural.h"

namespace hw::cli {

const char* const kAuditHelp =
    "usage: hulpwijzer audit verify [--data DIR]\n"
    "\n"
    "Checks that no entry of the audit log was changed, removed or added by hand since it\n"
    "was written: each entry carries a hash of itself and of the entry before it. Prints\n"
    "the number of entries and the head (the last entry's number and hash); note the head\n"
    "down now and then (the backup log is a good place), because an entry cut off at the\n"
    "end shows only as a head that went back. Reads only; the server may run.\n"
    "\n"
    "Exit codes: 0 the chain is whole, 65 it is broken (the first broken entry is named),\n"
    "64 wrong usage, 66 no database in DIR, 74 the database cannot be read,\n"
    "77 root on the service's folder (run it as the service user).\n";

namespace {

int Fail(int code, const std::string& message) {
  std::cerr << "hulpwijzer audit: " << message << "\n";
  return code;
}

}  // namespace

int RunAudit(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data"}, {"help"});
  if (!args.ok()) return Fail(kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kAuditHelp, kExitOk;
  if (args->positional() != std::vector<std::string>{"verify"}) return std::cerr << kAuditHelp, kExitUsage;
  OpenedData data = OpenDataFolderToRead(args->Get("data").value_or("hulpwijzer-data"));
  if (!data.db) return Fail(data.exit_code, data.error);
  store::AuditStore audit(*data.db);
  auto report = domain::VerifyAuditChain(audit);
  if (!report.ok()) return Fail(kExitIoError, "cannot read the audit log: " + report.status().message());
  if (report->broken_id) {
    return Fail(kExitDataError, "the audit log is broken at entry " + std::to_string(*report->broken_id) + ": " +
                                    report->problem + ". The " +
                                    Counted(report->entries - 1, "entry", "entries") + " before it are whole.");
  }
  std::cout << "audit log whole: " << Counted(report->entries, "entry", "entries");
  if (report->unchained) std::cout << "; " << report->unchained << " of them from before the chain cannot be checked";
  std::cout << "\n";
  if (report->head_id) std::cout << "head: entry " << report->head_id << " " << report->head_hash << "\n";
  return kExitOk;
}

}  // namespace hw::cli

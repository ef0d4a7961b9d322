// `hulpwijzer audit verify`: checks the audit log's hash chain (domain/audit_chain.h) on
// the data folder, read-only, so it runs beside the server and on a restored copy.
#include <cctype>
#include <iostream>
#include <optional>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/exit_codes.h"
#include "domain/audit_chain.h"
#include "util/plural.h"

namespace hw::cli {

const char* const kAuditHelp =
    "usage: hulpwijzer audit verify [--data DIR] [--head ID:HASH]\n"
    "\n"
    "Checks that no entry of the audit log was changed, removed or added by hand since it\n"
    "was written: each entry carries a hash of itself and of the entry before it. Prints\n"
    "the number of entries and the head (the last entry's number and hash). Note the head\n"
    "down now and then (the backup log is a good place) and pass it later with --head:\n"
    "that entry must still be there with that hash, which also shows entries cut off at\n"
    "the end and a log rewritten with every hash recomputed. Reads only; the server may run.\n"
    "\n"
    "Exit codes: 0 the chain is whole, 65 it is broken (the first broken entry is named),\n"
    "64 wrong usage, 66 no database in DIR, 74 the database cannot be read,\n"
    "77 root on the service's folder (run it as the service user).\n";

namespace {

int Fail(int code, const std::string& message) {
  std::cerr << "hulpwijzer audit: " << message << "\n";
  return code;
}

// "ID:HASH" as printed on the head line.
std::optional<domain::NotedHead> ParseHead(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 18) return std::nullopt;
  domain::NotedHead head;
  for (size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    head.id = head.id * 10 + (text[i] - '0');
  }
  head.hash_hex = text.substr(colon + 1);
  if (head.hash_hex.size() != 64) return std::nullopt;
  for (char& c : head.hash_hex) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return head;
}

}  // namespace

int RunAudit(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data", "head"}, {"help"});
  if (!args.ok()) return Fail(kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kAuditHelp, kExitOk;
  if (args->positional() != std::vector<std::string>{"verify"}) return std::cerr << kAuditHelp, kExitUsage;
  std::optional<domain::NotedHead> noted;
  if (auto head = args->Get("head")) {
    noted = ParseHead(*head);
    if (!noted) return Fail(kExitUsage, "--head wants ID:HASH as printed by audit verify, e.g. 42:5f0c...e1a9 (64 hex digits)");
  }
  OpenedData data = OpenDataFolderToRead(args->Get("data").value_or("hulpwijzer-data"));
  if (!data.db) return Fail(data.exit_code, data.error);
  store::AuditStore audit(*data.db);
  auto report = domain::VerifyAuditChain(audit, noted);
  if (!report.ok()) return Fail(kExitIoError, "cannot read the audit log: " + report.status().message());
  if (report->broken_id) {
    return Fail(kExitDataError, "the audit log is broken at entry " + std::to_string(*report->broken_id) + ": " +
                                    report->problem + ". The " +
                                    Counted(report->entries - 1, "entry", "entries") + " before it are whole.");
  }
  std::cout << "audit log whole: " << Counted(report->entries, "entry", "entries");
  if (report->unchained) std::cout << "; " << report->unchained << " of them from before the chain cannot be checked";
  std::cout << "\n";
  if (report->head_id) std::cout << "head: " << report->head_id << ":" << report->head_hash << "\n";
  if (noted && report->noted_head_purged)
    std::cout << "the noted head (entry " << noted->id << ") is older than what retention keeps; it cannot be checked\n";
  else if (noted)
    std::cout << "the noted head (entry " << noted->id << ") is there with its hash\n";
  return kExitOk;
}

}  // namespace hw::cli

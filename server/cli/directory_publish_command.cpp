// hulpwijzer directory publish: the operator's way to publish a directory file, and the
// only way to change which id and key an organisation has (issue 12, finding 4: editors
// cannot, see domain/organization_bindings.h). The server must be stopped (it holds the
// folder lock), so it starts on the new version; the audit entry names every change to
// contact settings and every binding that changed.
#include <filesystem>
#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/exit_codes.h"
#include "domain/organization_bindings.h"
#include "domain/publication.h"
#include "store/audit_store.h"
#include "store/directory_store.h"
#include "util/file_io.h"
#include "util/folder_lock.h"

namespace hw::cli {
namespace {

using nlohmann::json;

int Fail(int code, const std::string& message) {
  std::cerr << "hulpwijzer directory publish: " << message << "\n";
  return code;
}

}  // namespace

int RunDirectoryPublish(const Arguments& args) {
  const auto directory_file = args.Get("directory");
  if (!directory_file) return Fail(kExitUsage, "--directory FILE is required");
  const std::string dir = args.Get("data").value_or("hulpwijzer-data");
  if (const std::string why = RootMayNotUse(dir); !why.empty()) return Fail(kExitNoPermission, why);
  std::string directory, questionnaire;
  if (!ReadWholeFile(*directory_file, &directory)) return Fail(kExitNoInput, "cannot read " + *directory_file);
  const auto questionnaire_file = args.Get("questionnaire");
  if (questionnaire_file && !ReadWholeFile(*questionnaire_file, &questionnaire))
    return Fail(kExitNoInput, "cannot read " + *questionnaire_file);

  if (!std::filesystem::exists(store::DatabasePath(dir))) return Fail(kExitNoInput, "there is no database in " + dir + " (see --data)");
  auto lock = FolderLock::Acquire(dir);
  if (!lock.ok()) return Fail(kExitUnavailable, lock.status().message() + " (stop the server first)");
  OpenedData data = OpenDataFolder(dir);
  if (!data.db) return Fail(data.exit_code, data.error);
  store::DirectoryStore store(*data.db);
  auto current = store.Current();
  if (!current.ok()) return Fail(kExitIoError, current.status().message());
  if (!current.value()) return Fail(kExitDataError, "nothing is published in " + dir + " yet; start the server once");
  if (!questionnaire_file) questionnaire = current.value()->questionnaire;

  const domain::PublicationCheck check = domain::CheckPublication(directory, questionnaire, *directory_file,
                                                                  questionnaire_file.value_or("the published questionnaire"));
  if (!check.issues.empty()) {
    std::cerr << domain::Describe(check.issues);
    return Fail(kExitDataError, "nothing was published");
  }
  auto bindings = domain::PublishedBindings(store);
  if (!bindings.ok()) return Fail(kExitIoError, bindings.status().message());
  const domain::Problems rebound = bindings->Check(check.publication.directory, *directory_file);
  const json changes = domain::ContactSettingChanges(json::parse(current.value()->directory, nullptr, false),
                                                     check.publication.directory);
  const std::string note = args.Get("note").value_or("published by the operator");
  const std::string text = check.publication.directory.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  auto version = store.Publish(text, questionnaire, "operator", note);
  if (!version.ok()) return Fail(kExitIoError, version.status().message());

  std::string target = "version " + std::to_string(version.value()) + " (command line)";
  if (!changes.empty()) target += "; contact settings: " + domain::DescribeChanges(changes);
  for (const auto& issue : rebound) target += "; binding changed: " + issue.entry + " " + issue.field;
  store::AuditStore audit(*data.db);
  if (Status s = audit.Append({0, UnixNow(), "operator", "publish", "", target}); !s.ok())
    return Fail(kExitIoError, "published version " + std::to_string(version.value()) + ", but the audit failed: " + s.message());

  std::cout << "published version " << version.value() << "\n";
  for (const json& change : changes) std::cout << "  contact settings: " << domain::DescribeChanges(json::array({change})) << "\n";
  for (const auto& issue : rebound)
    std::cout << "  binding changed: " << issue.entry << ", " << issue.field << " (was bound: " << issue.message << ")\n"
              << "    keys, grants and partners are filed under an organisation's key: after a new key, run\n"
              << "    hulpwijzer org keys create --org NEWKEY and add its partners again\n";
  return kExitOk;
}

}  // namespace hw::cli

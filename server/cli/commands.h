// The subcommands of the `hulpwijzer` binary. Each takes the arguments after its name
// and returns the process exit code (cli/exit_codes.h). Messages go to stderr; the
// server's logs go to stdout as JSON lines.
#pragma once

#include <string>
#include <vector>

namespace hw::cli {

int RunServe(const std::vector<std::string>& args);
int RunDirectory(const std::vector<std::string>& args);
class Arguments;
// `directory publish` (cli/directory_publish_command.cpp), reached through RunDirectory.
int RunDirectoryPublish(const Arguments& args);
int RunOrg(const std::vector<std::string>& args);
int RunUser(const std::vector<std::string>& args);
int RunPurge(const std::vector<std::string>& args);
int RunDemo(const std::vector<std::string>& args);
int RunBackup(const std::vector<std::string>& args);
int RunRestore(const std::vector<std::string>& args);
int RunAudit(const std::vector<std::string>& args);

extern const char* const kServeHelp;
extern const char* const kDirectoryHelp;
extern const char* const kOrgHelp;
extern const char* const kUserHelp;
extern const char* const kPurgeHelp;
extern const char* const kDemoHelp;
extern const char* const kBackupHelp;
extern const char* const kRestoreHelp;
extern const char* const kAuditHelp;

}  // namespace hw::cli

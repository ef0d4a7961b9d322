// The subcommands of the `hulpwijzer` binary. Each takes the arguments after its name
// and returns the process exit code (cli/exit_codes.h). Messages go to stderr; the
// server's logs go to stdout as JSON lines.
#pragma once

#include <string>
#include <vector>

namespace hw::cli {

int RunServe(const std::vector<std::string>& args);
int RunDirectory(const std::vector<std::string>& args);

extern const char* const kServeHelp;
extern const char* const kDirectoryHelp;

}  // namespace hw::cli

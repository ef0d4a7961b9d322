#include <iostream>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/embedded_publication.h"
#include "cli/exit_codes.h"
#include "domain/publication.h"
#include "util/file_io.h"

namespace hw::cli {

const char* const kDirectoryHelp =
    "usage: hulpwijzer directory validate [--directory FILE] [--questionnaire FILE]\n"
    "\n"
    "Checks a directory and questionnaire the way the server does before it serves or\n"
    "publishes them, and prints every problem with its file, entry and field.\n"
    "Without files, checks the data embedded in this binary.\n"
    "\n"
    "  --directory FILE       directory.json to check (default: the embedded one)\n"
    "  --questionnaire FILE   questionnaire.json to check (default: the embedded one)\n"
    "\n"
    "Exit codes: 0 valid, 65 invalid data, 66 a file cannot be read, 64 wrong usage.\n";

namespace {

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int RunDirectory(const std::vector<std::string>& args) {
  auto parsed = Arguments::Parse(args, {"directory", "questionnaire"}, {"help"});
  if (!parsed.ok()) {
    std::cerr << "hulpwijzer directory: " << parsed.status().message() << "\n";
    return kExitUsage;
  }
  if (parsed->Has("help")) {
    std::cout << kDirectoryHelp;
    return kExitOk;
  }
  if (parsed->positional().size() != 1 || parsed->positional()[0] != "validate") {
    std::cerr << kDirectoryHelp;
    return kExitUsage;
  }
  std::string directory(EmbeddedDirectoryText()), questionnaire(EmbeddedQuestionnaireText());
  std::string directory_name = "directory.json (embedded)", questionnaire_name = "questionnaire.json (embedded)";
  for (auto [flag, text, name] : {std::tuple{"directory", &directory, &directory_name},
                                  std::tuple{"questionnaire", &questionnaire, &questionnaire_name}}) {
    const auto path = parsed->Get(flag);
    if (!path) continue;
    if (!ReadWholeFile(*path, text)) {
      std::cerr << "hulpwijzer directory: cannot read " << *path << "\n";
      return kExitNoInput;
    }
    *name = BaseName(*path);
  }
  const domain::PublicationCheck check =
      domain::CheckPublication(directory, questionnaire, directory_name, questionnaire_name);
  if (!check.issues.empty()) {
    std::cerr << domain::Describe(check.issues);
    std::cerr << check.issues.size() << " problem(s) found; nothing was changed.\n";
    return kExitDataError;
  }
  std::cout << "valid: " << directory_name << " (" << check.publication.directory["organizations"].size()
            << " organisations) and " << questionnaire_name << " ("
            << check.publication.questionnaire["questions"].size() << " questions, "
            << check.publication.questionnaire["rules"].size() << " rules)\n";
  return kExitOk;
}

}  // namespace hw::cli

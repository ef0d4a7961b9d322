#include <ctime>
#include <iostream>
#include <set>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/embedded_publication.h"
#include "cli/exit_codes.h"
#include "domain/amsterdam_time.h"
#include "domain/hsds.h"
#include "domain/problem.h"
#include "domain/publication.h"
#include "domain/resident_view.h"
#include "store/directory_store.h"
#include "util/file_io.h"
#include "util/plural.h"

namespace hw::cli {

const char* const kDirectoryHelp =
    "usage: hulpwijzer directory validate [--directory FILE] [--questionnaire FILE] [--json]\n"
    "       hulpwijzer directory export --format hsds [--lang nl|en] [--data DIR]\n"
    "       hulpwijzer directory publish --directory FILE [--questionnaire FILE]\n"
    "                                    [--data DIR] [--note TEXT]\n"
    "       hulpwijzer directory problem-codes\n"
    "\n"
    "validate: checks a directory and questionnaire the way the server does before it\n"
    "serves or publishes them, and prints every problem with its file, entry and field.\n"
    "Without files, checks the data embedded in this binary.\n"
    "\n"
    "  --directory FILE       directory.json to check (default: the embedded one)\n"
    "  --questionnaire FILE   questionnaire.json to check (default: the embedded one)\n"
    "  --json                 print each problem as a JSON object on its own line on\n"
    "                         standard output ({\"code\", \"params\", \"message\", \"file\",\n"
    "                         \"entry\", \"organization\", \"field\"}), as the API sends it\n"
    "\n"
    "export: writes the directory as residents see it (never an unverified detail, never\n"
    "an address) to standard output as Open Referral HSDS 3.0 JSON: an array of\n"
    "organizations with their services nested, in one language (HSDS has no translated\n"
    "text). The server answers the same data at /hsds/.\n"
    "\n"
    "  --format hsds          the export format (the only one)\n"
    "  --lang nl|en           the language of the texts (default nl)\n"
    "  --data DIR             export what is published in this data folder (the one\n"
    "                         `hulpwijzer serve --data DIR` uses; it may be running).\n"
    "                         Only reads: works on a read-only copy such as a backup,\n"
    "                         and never upgrades an older database. Without it, the\n"
    "                         directory embedded in this binary\n"
    "\n"
    "publish: the operator publishes a directory file (checked as validate checks it;\n"
    "the published questionnaire unless --questionnaire). The only way to change an\n"
    "organisation's id or key, which editors cannot: requests are sealed to the keys\n"
    "filed under an organisation's key. Stop the server first. The audit log names every\n"
    "change to contact settings and every id or key that changed.\n"
    "\n"
    "problem-codes: lists every problem code that validate and the server can report\n"
    "(the API sends the code and its parameters with each problem), one JSON object a\n"
    "line: {\"code\", \"params\", \"english\"}. Interfaces keep a text for each.\n"
    "\n"
    "Exit codes: 0 valid or exported, 65 invalid data, 66 a file or data folder cannot be\n"
    "read, 64 wrong usage, 74 database error, 77 root on another user's data folder.\n";

namespace {

// Today in Amsterdam: what residents would be shown now (details withdrawn for age are not).
int64_t Today() { return domain::AmsterdamDay(static_cast<int64_t>(std::time(nullptr))); }

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}


// `directory export --format hsds`: the resident view of the embedded or published
// directory as an HSDS document on stdout.
int RunExport(const Arguments& args) {
  const auto fail = [](int code, const std::string& message) {
    std::cerr << "hulpwijzer directory export: " << message << "\n";
    return code;
  };
  const auto format = args.Get("format");
  if (!format || *format != "hsds")
    return fail(kExitUsage, "--format hsds is required (HSDS is the only export format; see --help)");
  const std::string lang = args.Get("lang").value_or("nl");
  if (!domain::IsHsdsLanguage(lang)) return fail(kExitUsage, "--lang must be nl or en (got \"" + lang + "\")");

  domain::PublicationCheck check;
  if (const auto dir = args.Get("data")) {
    OpenedData data = OpenDataFolderToRead(*dir);
    if (!data.db) return fail(data.exit_code, data.error);
    store::DirectoryStore store(*data.db);
    auto current = store.Current();
    if (!current.ok()) return fail(kExitIoError, current.status().message());
    if (!current.value()) return fail(kExitNoInput, "nothing is published in " + *dir + " yet");
    const std::string label = "database " + store::DatabasePath(*dir) + ", published version " +
                              std::to_string(current.value()->version);
    check = domain::CheckPublication(current.value()->directory, current.value()->questionnaire,
                                     label + " (directory)", label + " (questionnaire)");
    if (!check.issues.empty()) return fail(kExitDataError, "the published directory is invalid:\n" + domain::Describe(check.issues));
  } else {
    check = CheckEmbedded();
    if (!check.issues.empty()) return fail(kExitSoftware, "the embedded data is invalid:\n" + domain::Describe(check.issues));
  }
  const nlohmann::json document =
      domain::HsdsOrganizations(domain::ResidentView(check.publication.directory, Today()), lang);
  std::cout << document.dump(2) << "\n";
  std::cout.flush();
  return std::cout ? kExitOk : kExitIoError;
}

int RunValidate(const Arguments& args) {
  std::string directory(EmbeddedDirectoryText()), questionnaire(EmbeddedQuestionnaireText());
  std::string directory_name = "directory.json (embedded)", questionnaire_name = "questionnaire.json (embedded)";
  for (auto [flag, text, name] : {std::tuple{"directory", &directory, &directory_name},
                                  std::tuple{"questionnaire", &questionnaire, &questionnaire_name}}) {
    const auto path = args.Get(flag);
    if (!path) continue;
    if (!ReadWholeFile(*path, text)) {
      std::cerr << "hulpwijzer directory: cannot read " << *path << "\n";
      return kExitNoInput;
    }
    *name = BaseName(*path);
  }
  const domain::PublicationCheck check =
      domain::CheckPublication(directory, questionnaire, directory_name, questionnaire_name, Today());
  if (!check.issues.empty() && args.Has("json")) {
    for (const auto& problem : check.issues) std::cout << problem.ToJson().dump() << "\n";
    return kExitDataError;
  }
  if (!check.issues.empty()) {
    std::cerr << domain::Describe(check.issues);
    std::cerr << Counted(check.issues.size(), "problem", "problems") << " found; nothing was changed.\n";
    return kExitDataError;
  }
  const auto& [directory_json, questionnaire_json] = check.publication;
  std::cout << "valid: " << directory_name << " ("
            << Counted(directory_json["organizations"].size(), "organisation", "organisations") << ") and "
            << questionnaire_name << " (" << Counted(questionnaire_json["questions"].size(), "question", "questions")
            << ", " << Counted(questionnaire_json["rules"].size(), "rule", "rules") << ")\n";
  return kExitOk;
}

int RunProblemCodes() {
  for (domain::ProblemCode code : domain::AllProblemCodes()) {
    const nlohmann::json line = {{"code", domain::CodeName(code)},
                                 {"params", domain::TemplateParameters(code)},
                                 {"english", domain::EnglishTemplate(code)}};
    std::cout << line.dump() << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunDirectory(const std::vector<std::string>& args) {
  // The subcommand decides which flags exist; parse once to find it, then strictly.
  auto loose = Arguments::Parse(args, {"directory", "questionnaire", "format", "lang", "data", "note"}, {"help", "json"});
  const std::string sub = loose.ok() && !loose->positional().empty() ? loose->positional()[0] : "";
  const bool exporting = sub == "export";
  auto parsed = exporting         ? Arguments::Parse(args, {"format", "lang", "data"}, {"help"})
                : sub == "publish" ? Arguments::Parse(args, {"directory", "questionnaire", "data", "note"}, {"help"})
                                   : Arguments::Parse(args, {"directory", "questionnaire"}, {"help", "json"});
  if (!parsed.ok()) {
    std::cerr << "hulpwijzer directory: " << parsed.status().message() << "\n";
    return kExitUsage;
  }
  if (parsed->Has("help")) {
    std::cout << kDirectoryHelp;
    return kExitOk;
  }
  if (parsed->positional().size() == 1 && sub == "problem-codes") return RunProblemCodes();
  if (parsed->positional().size() != 1 || (sub != "validate" && sub != "publish" && !exporting)) {
    std::cerr << kDirectoryHelp;
    return kExitUsage;
  }
  if (sub == "publish") return RunDirectoryPublish(parsed.value());
  return exporting ? RunExport(parsed.value()) : RunValidate(parsed.value());
}

}  // namespace hw::cli

// Operator commands that work on the data folder directly: organisation keys, staff,
// grants, the retention purge, and the demo set-up. Secrets (passwords, recovery keys)
// come from standard input or a file, never from the command line.
#include <iostream>
#include <map>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/embedded_publication.h"
#include "cli/exit_codes.h"
#include "crypto/password_kdf.h"
#include "crypto/tokens.h"
#include "domain/keyring.h"
#include "domain/publication.h"
#include "domain/retention.h"
#include "store/directory_store.h"
#include "store/request_store.h"
#include "util/file_io.h"
#include "util/plural.h"

namespace hw::cli {

const char* const kOrgHelp =
    "usage: hulpwijzer org keys create --org KEY [--data DIR] [--first-staff EMAIL]\n"
    "       hulpwijzer org keys rotate --org KEY [--data DIR] [--new-recovery-key]\n"
    "\n"
    "create   makes version 1 of an organisation's key pair and its recovery key, and\n"
    "         prints the recovery key ONCE: print it on paper for the organisation's safe.\n"
    "         We keep no copy. It opens every later version too.\n"
    "         --first-staff grants an existing partner account access right away.\n"
    "rotate   makes a new version for new requests; everyone with access keeps it, and\n"
    "         the recovery sheet stays valid. Removing a partner (user remove) rotates by\n"
    "         itself. --new-recovery-key makes a new recovery key for this and later\n"
    "         versions and prints it (the old sheet then opens only older versions). An\n"
    "         organisation onboarded before recovery key pairs gets one at its first\n"
    "         rotation.\n"
    "         Old versions are destroyed when their last request is gone.\n"
    "KEY is the organisation's key in the directory, e.g. veilig-thuis.\n";

const char* const kUserHelp =
    "usage: hulpwijzer user add --email EMAIL --role partner|editor|admin [--role ...]\n"
    "                           [--org KEY] [--password-file FILE | --generate-password]\n"
    "       hulpwijzer user grant --email EMAIL --org KEY     (recovery key on stdin)\n"
    "       hulpwijzer user remove --email EMAIL\n"
    "       hulpwijzer user list\n"
    "       (all take --data DIR)\n"
    "\n"
    "add      creates a staff account. The password is read from the first line of\n"
    "         standard input (or --password-file), or generated and printed once.\n"
    "         It needs 12 characters at least and must be hard to guess (zxcvbn):\n"
    "         four or more unrelated words, or --generate-password.\n"
    "         partner needs --org; a partner reads only that organisation's requests.\n"
    "grant    gives a partner access to every key version the recovery key opens: for\n"
    "         the first partner, or when nobody with access is left.\n"
    "remove   deletes the account, its grants and (at its next request) its sessions,\n"
    "         and rotates the key of each organisation it could read: requests that\n"
    "         arrive afterwards are closed to it even with a backup from before.\n"
    "         Colleagues with access log in again to read them.\n";

const char* const kPurgeHelp =
    "usage: hulpwijzer purge [--data DIR]\n"
    "\n"
    "Deletes what retention allows no longer: request content 7 days after closing,\n"
    "unhandled requests after 30 days, audit entries after 12 months, unused old keys.\n"
    "The server does this every five minutes by itself; use this from a timer or by hand.\n";

const char* const kDemoHelp =
    "usage: hulpwijzer demo --data DIR [--json]\n"
    "\n"
    "DEMO DATA. Sets up a new data folder for trying the staff portal: publishes a\n"
    "version of the directory in which Moviera, Centrum Seksueel Geweld and Veilig\n"
    "Thuis take contact requests (marked as demo), creates their keys, one partner\n"
    "account each, an editor and an admin, and prints their e-mail and password.\n"
    "Never use it for real data. With --json: {\"accounts\": [{\"email\", \"password\",\n"
    "\"role\", \"organization\"}]}.\n";

namespace {

constexpr const char* kDefaultData = "hulpwijzer-data";
const char* const kDemoOrganizations[] = {"moviera", "centrum-seksueel-geweld", "veilig-thuis"};

int Fail(const std::string& command, int code, const std::string& message) {
  std::cerr << "hulpwijzer " << command << ": " << message << "\n";
  return code;
}

int ExitFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return kExitDataError;
    default: return kExitIoError;
  }
}

std::string ReadSecretLine(const std::optional<std::string>& file) {
  std::string line;
  if (file) {
    std::string contents;
    if (!ReadWholeFile(*file, &contents)) return "";
    line = contents.substr(0, contents.find('\n'));
  } else {
    std::getline(std::cin, line);
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

// The published directory's organisation keys, to refuse typos.
std::map<std::string, bool> PublishedOrganizations(store::Database& db) {
  std::map<std::string, bool> orgs;
  store::DirectoryStore directories(db);
  auto current = directories.Current();
  const std::string text = current.ok() && current.value() ? current.value()->directory : std::string(EmbeddedDirectoryText());
  const auto directory = nlohmann::json::parse(text, nullptr, false);
  if (directory.is_discarded()) return orgs;
  for (const auto& org : directory["organizations"]) orgs[org["key"].get<std::string>()] = true;
  return orgs;
}

struct Session {
  OpenedData data;
  std::unique_ptr<store::KeyStore> keys;
  std::unique_ptr<store::AuditStore> audit;
  std::unique_ptr<domain::Keyring> keyring;
};

std::optional<Session> Open(const Arguments& args, const std::string& command, int* exit_code) {
  Session s;
  s.data = OpenDataFolder(args.Get("data").value_or(kDefaultData));
  if (!s.data.db) {
    *exit_code = Fail(command, s.data.exit_code, s.data.error);
    return std::nullopt;
  }
  s.keys = std::make_unique<store::KeyStore>(*s.data.db);
  s.audit = std::make_unique<store::AuditStore>(*s.data.db);
  s.keyring = std::make_unique<domain::Keyring>(*s.keys, *s.audit, UnixNow, crypto::KdfParams::FromEnvironment());
  return s;
}

void PrintRecoverySheet(const std::string& organization, const std::string& key, int64_t version) {
  std::cout << "RECOVERY KEY for " << organization << " (key version " << version << " and later)\n"
            << "Print this once and keep it in the organisation's safe. Hulpwijzer keeps no copy.\n"
            << "With it an administrator can restore access when nobody with access is left:\n"
            << "  hulpwijzer user grant --email EMAIL --org " << organization << "   (paste the key on stdin)\n\n"
            << "  " << key << "\n";
}

void PrintRotation(const domain::Rotation& rotation) {
  std::cout << rotation.organization << ": new requests use key version " << rotation.version
            << "; everyone else with access keeps it (they log in again to read new requests)\n";
  if (rotation.recovery_key) {
    std::cout << "This organisation's old recovery sheet opens only the versions before " << rotation.version
              << ". Print the new one:\n\n";
    PrintRecoverySheet(rotation.organization, *rotation.recovery_key, rotation.version);
  } else {
    std::cout << "The organisation's recovery sheet stays valid.\n";
  }
}

}  // namespace

int RunOrg(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"org", "data", "first-staff"}, {"help", "new-recovery-key"});
  if (!args.ok()) return Fail("org", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kOrgHelp, kExitOk;
  const auto& pos = args->positional();
  if (pos.size() != 2 || pos[0] != "keys" || (pos[1] != "create" && pos[1] != "rotate") || !args->Get("org"))
    return std::cerr << kOrgHelp, kExitUsage;
  int code = 0;
  auto s = Open(args.value(), "org", &code);
  if (!s) return code;
  const std::string org = *args->Get("org");
  if (!PublishedOrganizations(*s->data.db).count(org))
    return Fail("org", kExitDataError, "there is no organisation \"" + org + "\" in the published directory");
  if (pos[1] == "rotate") {
    auto rotation = s->keyring->RotateOrganizationKey(org, "operator", args->Has("new-recovery-key"));
    if (!rotation.ok()) return Fail("org", ExitFor(rotation.status()), rotation.status().message());
    PrintRotation(rotation.value());
    return kExitOk;
  }
  if (args->Has("new-recovery-key")) return Fail("org", kExitUsage, "--new-recovery-key goes with rotate");
  auto recovery = s->keyring->CreateOrganizationKeys(org, "operator");
  if (!recovery.ok()) return Fail("org", ExitFor(recovery.status()), recovery.status().message());
  PrintRecoverySheet(org, recovery.value(), 1);
  if (auto first = args->Get("first-staff")) {
    if (Status g = s->keyring->GrantWithRecoveryKey(org, *first, recovery.value(), "operator"); !g.ok())
      return Fail("org", ExitFor(g), "keys created, but the grant failed: " + g.message());
    std::cout << "\n" << *first << " can now read " << org << "'s requests.\n";
  }
  return kExitOk;
}

int RunUser(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"email", "role", "org", "data", "password-file"}, {"help", "generate-password"});
  if (!args.ok()) return Fail("user", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kUserHelp, kExitOk;
  const auto& pos = args->positional();
  if (pos.size() != 1) return std::cerr << kUserHelp, kExitUsage;
  const std::string action = pos[0];
  if (action != "list" && !args->Get("email")) return Fail("user", kExitUsage, "--email is required");
  int code = 0;
  auto s = Open(args.value(), "user", &code);
  if (!s) return code;

  if (action == "list") {
    auto all = s->keys->AllStaff();
    if (!all.ok()) return Fail("user", kExitIoError, all.status().message());
    for (const auto& row : all.value()) {
      domain::StaffIdentity who{row.id, row.email, row.partner_of, row.is_editor, row.is_admin};
      std::string roles;
      for (const auto& r : who.Roles()) roles += (roles.empty() ? "" : ",") + r;
      std::cout << row.email << "\t" << roles << "\t" << row.partner_of.value_or("-") << "\n";
    }
    return kExitOk;
  }
  const std::string email = *args->Get("email");
  if (action == "remove") {
    auto rotations = s->keyring->RemoveStaff(email, "operator");
    if (!rotations.ok()) return Fail("user", ExitFor(rotations.status()), rotations.status().message());
    std::cout << "removed " << email << " with their grants; their sessions end at their next request\n";
    for (const auto& rotation : rotations.value()) PrintRotation(rotation);
    return kExitOk;
  }
  if (action == "grant") {
    if (!args->Get("org")) return Fail("user", kExitUsage, "--org is required");
    const std::string recovery = ReadSecretLine(std::nullopt);
    if (Status g = s->keyring->GrantWithRecoveryKey(*args->Get("org"), email, recovery, "operator"); !g.ok())
      return Fail("user", ExitFor(g), g.message());
    std::cout << email << " can now read " << *args->Get("org") << "'s requests\n";
    return kExitOk;
  }
  if (action != "add") return std::cerr << kUserHelp, kExitUsage;
  // Roles: --role may be given as partner, editor, admin or a comma list.
  domain::NewStaff staff;
  staff.email = email;
  const std::string roles = args->Get("role").value_or("");
  if (roles.empty()) return Fail("user", kExitUsage, "--role is required (partner, editor, admin)");
  size_t start = 0;
  while (start <= roles.size()) {
    const size_t comma = std::min(roles.find(',', start), roles.size());
    const std::string role = roles.substr(start, comma - start);
    if (role == "partner") {
      if (!args->Get("org")) return Fail("user", kExitUsage, "a partner needs --org KEY");
      if (!PublishedOrganizations(*s->data.db).count(*args->Get("org")))
        return Fail("user", kExitDataError, "there is no organisation \"" + *args->Get("org") + "\" in the published directory");
      staff.partner_of = *args->Get("org");
    } else if (role == "editor") {
      staff.is_editor = true;
    } else if (role == "admin") {
      staff.is_admin = true;
    } else {
      return Fail("user", kExitUsage, "unknown role \"" + role + "\" (partner, editor, admin)");
    }
    start = comma + 1;
  }
  const bool generated = args->Has("generate-password");
  staff.password = generated ? crypto::RandomToken().substr(0, 20) : ReadSecretLine(args->Get("password-file"));
  auto id = s->keyring->AddStaff(staff, "operator");
  if (!id.ok()) return Fail("user", ExitFor(id.status()), id.status().message());
  std::cout << "added " << email << (generated ? "; password (shown once): " + staff.password : "") << "\n";
  if (staff.partner_of)
    std::cout << "next: give access with  hulpwijzer user grant --email " << email << " --org " << *staff.partner_of
              << "  (recovery key on stdin)\n";
  return kExitOk;
}

int RunPurge(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data"}, {"help"});
  if (!args.ok()) return Fail("purge", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kPurgeHelp, kExitOk;
  int code = 0;
  auto s = Open(args.value(), "purge", &code);
  if (!s) return code;
  store::RequestStore requests(*s->data.db);
  auto report = domain::PurgeExpired(requests, *s->keys, *s->audit, UnixNow());
  if (!report.ok()) return Fail("purge", kExitIoError, report.status().message());
  std::cout << "purged " << Counted(report->closed_requests, "closed request", "closed requests") << ", "
            << Counted(report->unhandled_requests, "unhandled request", "unhandled requests") << ", "
            << Counted(report->audit_entries, "audit entry", "audit entries") << ", "
            << Counted(report->old_key_versions, "old key version", "old key versions") << "\n";
  return kExitOk;
}

int RunDemo(const std::vector<std::string>& raw) {
  auto args = Arguments::Parse(raw, {"data"}, {"help", "json"});
  if (!args.ok()) return Fail("demo", kExitUsage, args.status().message());
  if (args->Has("help")) return std::cout << kDemoHelp, kExitOk;
  if (!args->Get("data")) return Fail("demo", kExitUsage, "--data DIR is required (a new folder for demo data)");
  int code = 0;
  auto s = Open(args.value(), "demo", &code);
  if (!s) return code;
  auto existing = s->keys->AllStaff();
  if (!existing.ok() || !existing->empty())
    return Fail("demo", kExitDataError, "this data folder already has staff; use a new folder for the demo");

  // A demo version of the directory in which three partners take requests.
  auto directory = nlohmann::json::parse(EmbeddedDirectoryText());
  for (auto& org : directory["organizations"])
    for (const char* key : kDemoOrganizations)
      if (org["key"] == key)
        for (auto& service : org["services"])
          service["contact_requests"] = {{"accepted", true},
                                         {"response_time", {{"nl", "DEMO: binnen 2 werkdagen"}, {"en", "DEMO: within 2 working days"}}}};
  const auto check = domain::CheckPublication(directory.dump(), EmbeddedQuestionnaireText(), "demo directory", "questionnaire");
  if (!check.issues.empty()) return Fail("demo", kExitSoftware, domain::Describe(check.issues));
  store::DirectoryStore directories(*s->data.db);
  auto current = directories.Current();
  if (current.ok() && !current.value()) {
    auto seeded = directories.Publish(std::string(EmbeddedDirectoryText()), std::string(EmbeddedQuestionnaireText()),
                                      "embedded default", "seeded on first start");
    if (!seeded.ok()) return Fail("demo", kExitIoError, seeded.status().message());
  }
  auto published = directories.Publish(directory.dump(), std::string(EmbeddedQuestionnaireText()), "demo", "DEMO DATA");
  if (!published.ok()) return Fail("demo", kExitIoError, published.status().message());

  nlohmann::json accounts = nlohmann::json::array();
  auto add = [&](const std::string& email, const std::string& role, const std::optional<std::string>& org) -> Status {
    domain::NewStaff staff{email, crypto::RandomToken().substr(0, 20), org, role == "editor", role == "admin"};
    auto id = s->keyring->AddStaff(staff, "demo");
    if (!id.ok()) return id.status();
    accounts.push_back({{"email", email}, {"password", staff.password}, {"role", role},
                        {"organization", org ? nlohmann::json(*org) : nlohmann::json(nullptr)}});
    return Status::Ok();
  };
  for (const char* org : kDemoOrganizations) {
    auto recovery = s->keyring->CreateOrganizationKeys(org, "demo");
    if (!recovery.ok()) return Fail("demo", ExitFor(recovery.status()), recovery.status().message());
    const std::string email = std::string("partner@") + org + ".demo.invalid";
    if (Status a = add(email, "partner", std::string(org)); !a.ok()) return Fail("demo", ExitFor(a), a.message());
    if (Status g = s->keyring->GrantWithRecoveryKey(org, email, recovery.value(), "demo"); !g.ok())
      return Fail("demo", ExitFor(g), g.message());
  }
  if (Status a = add("editor@gemeente.demo.invalid", "editor", std::nullopt); !a.ok()) return Fail("demo", ExitFor(a), a.message());
  if (Status a = add("admin@gemeente.demo.invalid", "admin", std::nullopt); !a.ok()) return Fail("demo", ExitFor(a), a.message());
  // A second editor: a change to a crisis line is published only with four eyes.
  if (Status a = add("editor2@gemeente.demo.invalid", "editor", std::nullopt); !a.ok()) return Fail("demo", ExitFor(a), a.message());

  if (args->Has("json")) {
    std::cout << nlohmann::json({{"demo", true}, {"accounts", accounts}}).dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "DEMO DATA in " << *args->Get("data") << " (never for real requests)\n\n";
  for (const auto& a : accounts)
    std::cout << "  " << a["role"].get<std::string>() << "\t" << a["email"].get<std::string>() << "\t"
              << a["password"].get<std::string>() << "\n";
  std::cout << "\nStart it with: hulpwijzer serve --data " << *args->Get("data")
            << " --dev-insecure-cookies   and open http://127.0.0.1:8080/staff/\n";
  return kExitOk;
}

}  // namespace hw::cli

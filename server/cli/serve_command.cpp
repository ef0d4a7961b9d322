#include <signal.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "assets/asset_catalog.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/data_folder.h"
#include "cli/embedded_publication.h"
#include "cli/exit_codes.h"
#include "domain/amsterdam_time.h"
#include "domain/contact_targets.h"
#include "domain/directory_editor.h"
#include "domain/publication.h"
#include "domain/retention.h"
#include "http/http_server.h"
#include "http/routes.h"
#include "http/site.h"
#include "store/database.h"
#include "store/directory_store.h"
#include "store/migrations.h"
#include "store/request_store.h"
#include "util/folder_lock.h"
#include "util/periodic_thread.h"
#include "util/shared_value.h"
#include "util/log.h"

namespace hw::cli {

const char* const kServeHelp =
    "usage: hulpwijzer serve [--listen HOST:PORT] [--data DIR] [options]\n"
    "\n"
    "Serves the help finder, its API and (later) the staff portal. On first start it\n"
    "creates DIR and its database and publishes the directory embedded in the binary.\n"
    "\n"
    "  --listen HOST:PORT   address to listen on (default 127.0.0.1:8080; port 0 = any free)\n"
    "  --data DIR           data folder (default ./hulpwijzer-data); created with mode 0700\n"
    "  --exit-url URL       where the quick exit leads (default an everyday Wikipedia page)\n"
    "  --hsts               send Strict-Transport-Security (only behind a TLS proxy)\n"
    "  --public-url URL     the site's public address, for absolute links (HSDS openapi_url)\n"
    "  --behind-proxy       rate-limit by X-Real-IP on connections from loopback (set by\n"
    "                       the shipped nginx configuration; never stored or logged)\n"
    "  --threads N          worker threads for contact requests and the staff portal, half\n"
    "                       each (default 16); logins have two of their own\n"
    "  --proof-of-work-bits N  the work a resident's browser does before a contact request\n"
    "                       is stored, in bits (each bit doubles it; default 17, about a\n"
    "                       second on a phone; 8 to 24); it grows with an organisation's inflow\n"
    "  --no-access-log      do not log requests (they never contain addresses anyway)\n"
    "  --dev-insecure-cookies  staff session cookie without Secure, for plain http on\n"
    "                       localhost during development only\n"
    "\n"
    "Every option can also be given as an environment variable: HULPWIJZER_LISTEN,\n"
    "HULPWIJZER_DATA, HULPWIJZER_EXIT_URL, HULPWIJZER_HSTS=1, HULPWIJZER_THREADS,\n"
    "HULPWIJZER_NO_ACCESS_LOG=1, HULPWIJZER_BEHIND_PROXY=1,\n"
    "HULPWIJZER_PUBLIC_URL, HULPWIJZER_PROOF_OF_WORK_BITS. Flags win over the environment.\n"
    "\n"
    "Logs are JSON lines on stdout, without IP addresses, user agents or bodies.\n"
    "Exit codes: 0 stopped by SIGTERM/SIGINT, 64 wrong usage, 65 invalid published data,\n"
    "69 cannot listen, 70 broken embedded data, 73 cannot create the data folder or\n"
    "its new database, 74 database error (also a database that cannot be opened for\n"
    "writing, as in a read-only folder), 77 run as root on another user's data folder\n"
    "(run it as that user).\n";

namespace {

struct Failure {
  int code;
  std::string message;
};

// --name N, a whole number from `min` to `max`, into *value when given.
std::optional<Failure> ReadNumber(const Arguments& args, const std::string& name, long min, long max, int* value) {
  const auto text = args.Get(name);
  if (!text) return std::nullopt;
  char* end = nullptr;
  const long n = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end || n < min || n > max)
    return Failure{kExitUsage, "--" + name + " must be a number from " + std::to_string(min) + " to " +
                                   std::to_string(max) + " (got \"" + *text + "\")"};
  *value = static_cast<int>(n);
  return std::nullopt;
}

std::optional<Failure> ReadConfig(const Arguments& args, http::ServerConfig* config) {
  if (const auto listen = args.Get("listen")) {
    const Status status = ParseListen(*listen, &config->host, &config->port);
    if (!status.ok()) return Failure{kExitUsage, status.message()};
  }
  if (const auto data = args.Get("data")) config->data_dir = *data;
  if (const auto url = args.Get("exit-url")) {
    const bool web = url->rfind("https://", 0) == 0 || url->rfind("http://", 0) == 0;
    if (!web || url->find_first_of(" \r\n\t\"<>") != std::string::npos)
      return Failure{kExitUsage, "--exit-url must be a full web address starting with https:// (got \"" + *url + "\")"};
    config->exit_url = *url;
  }
  if (const auto url = args.Get("public-url")) {
    if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0)
      return Failure{kExitUsage, "--public-url must start with https:// (got \"" + *url + "\")"};
    config->public_url = url->back() == '/' ? url->substr(0, url->size() - 1) : *url;
  }
  config->hsts = args.Has("hsts");
  config->access_log = !args.Has("no-access-log");
  config->dev_insecure_cookies = args.Has("dev-insecure-cookies");
  config->behind_proxy = args.Has("behind-proxy");
  if (auto failure = ReadNumber(args, "threads", 2, 1024, &config->threads)) return failure;
  if (auto failure = ReadNumber(args, "proof-of-work-bits", 8, 24, &config->proof_of_work_bits)) return failure;
  return std::nullopt;
}

// Publishes the embedded directory when the database has none yet; returns the current.
Result<store::DirectoryVersion> CurrentOrSeed(store::DirectoryStore& store) {
  auto current = store.Current();
  if (!current.ok()) return current.status();
  if (!current.value()) {
    auto version = store.Publish(std::string(EmbeddedDirectoryText()), std::string(EmbeddedQuestionnaireText()),
                                 "embedded default", "seeded on first start");
    if (!version.ok()) return version.status();
    log::Info("directory_seeded", {{"directory_version", version.value()}});
    current = store.Current();
    if (!current.ok()) return current.status();
  }
  return *current.value();
}

// Blocks SIGINT/SIGTERM in every thread; a dedicated thread waits for them and stops the
// server (calling stop() from a signal handler would not be async-signal-safe).
std::thread StopOnSignal(http::HttpServer& server, sigset_t signals) {
  return std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    log::Info("stopping", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
    server.Stop();
  });
}

// Retention purges at start and every five minutes, and the expiry of idle sessions.
void Maintain(store::RequestStore& requests, store::KeyStore& keys, store::AuditStore& audit,
              domain::SessionVault& sessions) {
  auto report = domain::PurgeExpired(requests, keys, audit, UnixNow());
  if (!report.ok()) log::Error("purge_failed", {{"message", report.status().message()}});
  else if (report->closed_requests + report->unhandled_requests > 0)
    log::Info("purged", {{"requests", report->closed_requests + report->unhandled_requests}});
  sessions.ExpireIdle(UnixNow());
}

// The published version the site is rendered from, for re-rendering it as time passes.
struct LivePublication {
  domain::Publication publication;
  int64_t version = 0;
};

// Start-up proves the published data without age (a restart must never take the site down
// because a check is late); what age withdraws today is logged, loudly, for the operator,
// and the editor lists it first.
void WarnIfUnreachableToday(const domain::Publication& publication) {
  const auto today = domain::CheckPublication(publication.directory.dump(), publication.questionnaire.dump(), "directory",
                                              "questionnaire", domain::AmsterdamDay(UnixNow()));
  for (const auto& issue : today.issues) log::Error("overdue_breaks_routing", {{"message", issue.ToString()}});
}

// Renders the site again when what residents see changes with time: a new day (details
// withdrawn for age), or another set of organisations reachable now (the no-JavaScript
// list). Run every 20 seconds; a rendering is a few milliseconds. `publishing` is held by
// whoever swaps in a new version, so a refresh never puts an older version back.
void RefreshSite(const SharedValue<LivePublication>& live, http::SiteHolder& holder, std::mutex& publishing) {
  const int64_t now = UnixNow();
  const auto snapshot = live.Get();
  if (http::Site::MomentKey(snapshot->publication.directory, now) == holder.Get()->moment_key()) return;
  auto next = http::Site::Build(assets::AssetCatalog::Embedded(), snapshot->publication.directory,
                                snapshot->publication.questionnaire, snapshot->version, now);
  if (!next.ok()) return log::Error("refresh_render_failed", {{"message", next.status().message()}});
  std::lock_guard<std::mutex> lock(publishing);
  if (live.Get() == snapshot) holder.Set(next.value());
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  auto parsed = Arguments::Parse(args, {"listen", "data", "exit-url", "threads", "public-url", "proof-of-work-bits"}, {"help", "hsts", "no-access-log", "dev-insecure-cookies", "behind-proxy"});
  if (!parsed.ok()) {
    std::cerr << "hulpwijzer serve: " << parsed.status().message() << "\n";
    return kExitUsage;
  }
  if (parsed->Has("help")) {
    std::cout << kServeHelp;
    return kExitOk;
  }
  if (!parsed->positional().empty()) {
    std::cerr << "hulpwijzer serve: unexpected argument \"" << parsed->positional()[0] << "\" (see --help)\n";
    return kExitUsage;
  }
  http::ServerConfig config;
  auto fail = [](const Failure& f) {
    std::cerr << "hulpwijzer serve: " << f.message << "\n";
    log::Error("start_failed", {{"message", f.message}});
    return f.code;
  };
  if (auto failure = ReadConfig(parsed.value(), &config)) return fail(*failure);

  // The embedded data is checked by the build's tests; a failure here is a packaging bug.
  domain::PublicationCheck embedded = CheckEmbedded();
  if (!embedded.issues.empty()) return fail({kExitSoftware, "the embedded data is invalid:\n" + domain::Describe(embedded.issues)});

  OpenedData data = OpenDataFolder(config.data_dir);
  if (!data.db) return fail({data.exit_code, data.error});
  auto folder_lock = FolderLock::Acquire(config.data_dir);  // held until the process ends
  if (!folder_lock.ok()) return fail({kExitUnavailable, folder_lock.status().message()});
  const std::string db_path = data.db->path();
  store::DirectoryStore directory_store(*data.db);
  auto current = CurrentOrSeed(directory_store);
  if (!current.ok()) return fail({kExitIoError, current.status().message()});

  const std::string label = "database " + db_path + ", published version " + std::to_string(current->version);
  const auto published = CheckStartingVersion(current.value(), label, std::move(embedded));
  if (!published.issues.empty())
    return fail({kExitDataError, "the published directory is invalid:\n" + domain::Describe(published.issues)});

  auto site = http::Site::Build(assets::AssetCatalog::Embedded(), published.publication.directory,
                                published.publication.questionnaire, current->version, UnixNow());
  if (!site.ok()) return fail({kExitSoftware, site.status().message()});
  http::SiteHolder holder(site.value());
  SharedValue<LivePublication> live(
      std::make_shared<const LivePublication>(LivePublication{published.publication, current->version}));
  std::mutex publishing;  // held while a new version is swapped in
  WarnIfUnreachableToday(published.publication);
  const std::string csp = site.value()->content_security_policy();

  store::KeyStore keys(*data.db);
  store::AuditStore audit(*data.db);
  store::RequestStore requests(*data.db);
  domain::Keyring keyring(keys, audit, UnixNow, crypto::KdfParams::FromEnvironment());
  domain::SessionVault sessions;
  domain::WorkPolicy work_policy;
  work_policy.base_bits = config.proof_of_work_bits;
  domain::ProofOfWork work(work_policy);
  domain::ContactRequests contact_requests(
      requests, keys, audit, work,
      [&holder](const std::string& id) -> std::optional<domain::ContactTarget> {
        const auto site = holder.Get();  // the targets of the version residents are shown
        const auto it = site->contact_targets().find(id);
        if (it == site->contact_targets().end()) return std::nullopt;
        return it->second;
      },
      UnixNow);
  // A publish or restore swaps in the new site, which carries its contact targets, in one
  // step: residents' next load sees the new version (its ETags change), and a request is
  // checked against the organisations of the version on screen.
  domain::DirectoryEditor editor(directory_store, audit, UnixNow,
                                 [&](const domain::Publication& publication, int64_t version) {
                                   auto next = http::Site::Build(assets::AssetCatalog::Embedded(), publication.directory,
                                                                 publication.questionnaire, version, UnixNow());
                                   if (!next.ok()) {
                                     log::Error("publish_render_failed", {{"message", next.status().message()}});
                                     return;
                                   }
                                   std::lock_guard<std::mutex> lock(publishing);
                                   live.Set(std::make_shared<const LivePublication>(LivePublication{publication, version}));
                                   holder.Set(next.value());
                                   log::Info("published", {{"directory_version", version}});
                                 });
  domain::StaffSessions staff_sessions(sessions, keys, audit);
  domain::AuditTrail audit_trail(audit);
  http::AppServices services{contact_requests, keyring, staff_sessions, audit_trail, UnixNow, editor,
                             assets::AssetCatalog::Embedded(), {}};
  http::Routes routes(config, holder, store::LatestSchemaVersion(), &services);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  // A file-size limit (e.g. systemd LimitFSIZE) must give a failed write and a 503, not
  // kill the server in the middle of a request.
  signal(SIGXFSZ, SIG_IGN);

  http::HttpServer server(config, routes, csp);
  if (Status bound = server.Bind(); !bound.ok()) return fail({kExitUnavailable, bound.message()});
  log::Info("listening", {{"host", config.host},
                          {"port", server.port()},
                          {"data", config.data_dir},
                          {"directory_version", current->version},
                          {"version", HW_VERSION}});
  std::thread stopper = StopOnSignal(server, signals);
  PeriodicThread maintenance(std::chrono::minutes(5), [&] { Maintain(requests, keys, audit, sessions); });
  PeriodicThread refresher(std::chrono::seconds(20), [&] { RefreshSite(live, holder, publishing); });
  server.Run();
  stopper.join();
  log::Info("stopped");
  return kExitOk;
}

}  // namespace hw::cli

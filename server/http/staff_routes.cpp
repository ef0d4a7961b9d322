#include "http/staff_routes.h"

#include <cstdlib>

#include "http/api_error.h"
#include "http/editor_routes.h"
#include "http/json_api.h"
#include "util/log.h"

namespace hw::http {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "/staff/api/v1/";
constexpr std::chrono::milliseconds kSlowestLoginAnswer{8000};  // LoginThrottle's longest delay

std::string SessionCookie(const ServerConfig& config, const std::string& value, bool expire) {
  std::string cookie = std::string(SessionCookieName(config)) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (!config.dev_insecure_cookies) cookie += "; Secure";
  if (expire) cookie += "; Max-Age=0";
  return cookie;
}

json Me(const domain::StaffIdentity& staff, const std::string& csrf, int64_t idle_seconds_left) {
  return {{"email", staff.email},
          {"roles", staff.Roles()},
          {"organization", staff.partner_of ? json(*staff.partner_of) : json(nullptr)},
          {"csrf_token", csrf},
          {"idle_seconds_left", idle_seconds_left}};
}

struct Context {
  const HttpRequest& request;
  AppServices& services;
  const ServerConfig& config;
  std::string token;
  std::optional<domain::SessionView> session;
};

HttpResponse MethodNotAllowed(const char* allow) {
  HttpResponse response = ApiErrorForStatus(405);
  response.SetHeader("Allow", allow);
  return response;
}

// A wrong password, answered late: after the account's delay, and past the client's limit
// of failures with a 429 after the longest delay. Only failures are slowed or refused: the
// right password always gets in (colleagues and residents share addresses).
HttpResponse LoginRefused(bool within_client_limit, std::chrono::milliseconds account_delay) {
  HttpResponse response = ApiError(401, "login_failed", "The e-mail address or password is not right.");
  if (!within_client_limit) {
    response = ApiError(429, "too_many_requests",
                        "Too many failed logins from here; the e-mail address or password is not right.");
    response.SetHeader("Retry-After", "600");
    account_delay = std::max(account_delay, kSlowestLoginAnswer);
  }
  response.answer_after = account_delay;
  return response;
}

HttpResponse Login(Context& c) {
  json body;
  if (auto error = ReadJsonBody(c.request, &body)) return *error;
  if (!body.is_object() || !body.contains("email") || !body["email"].is_string() || !body.contains("password") ||
      !body["password"].is_string() || body.size() != 2)
    return ApiError(400, "invalid", "Send exactly {\"email\": ..., \"password\": ...}.", "email");
  // Counted as a failure before the password is checked, so that guesses sent at once
  // cannot all pass as within the limit; given back when the password is right.
  const std::string& client = c.request.client_bucket;
  const int64_t counted_at = c.services.now();
  // A client with fewer recent failures waits less for Argon2id: the owner goes before the
  // guesses of someone else.
  const int64_t queue_rank = c.services.failed_logins_per_client.Count(client, counted_at);
  const bool within_client_limit = c.services.failed_logins_per_client.Allow(client, counted_at);
  auto attempt = c.services.keyring.Login(body["email"].get<std::string>(), body["password"].get<std::string>(),
                                          queue_rank);
  auto& login = attempt.result;
  if (login.ok() || login.status().code() != StatusCode::kInvalidArgument)
    c.services.failed_logins_per_client.GiveBack(client, counted_at);
  if (!login.ok()) {
    if (login.status().code() == StatusCode::kInvalidArgument) return LoginRefused(within_client_limit, attempt.answer_after);
    return ErrorFromStatus(login.status());
  }
  const auto created = c.services.sessions.Start(login->staff, std::move(login->secrets), c.services.now());
  HttpResponse response = JsonResponse(201, Me(login->staff, created.csrf_token, domain::kSessionIdleSeconds));
  response.SetHeader("Set-Cookie", SessionCookie(c.config, created.token, false));
  return response;
}

HttpResponse Session(Context& c) {
  if (c.request.method == "POST") return Login(c);
  if (!c.session) return ApiError(401, "not_logged_in", "Log in first; sessions end after 30 minutes without use.");
  // GET only looks (the idle timer runs on); PATCH is "stay logged in", which restarted it.
  if (c.request.method == "GET" || c.request.method == "HEAD" || c.request.method == "PATCH")
    return JsonResponse(200, Me(c.session->staff, c.session->csrf_token, c.session->idle_seconds_left));
  if (c.request.method == "DELETE") {
    // The session ends even when its audit entry cannot be written (domain/staff_sessions.h).
    if (Status s = c.services.sessions.End(c.token, *c.session, c.services.now()); !s.ok())
      log::Error("logout_not_audited", {{"reason", s.message()}});
    HttpResponse response = JsonResponse(200, {{"status", "logged_out"}});
    response.SetHeader("Set-Cookie", SessionCookie(c.config, "", true));
    return response;
  }
  return MethodNotAllowed("GET, POST, PATCH, DELETE");
}

json Summary(const domain::RequestSummary& r) {
  json item = {{"id", r.id}, {"status", r.status}, {"created_at", r.created_at}};
  if (r.closed_at) item["closed_at"] = *r.closed_at;
  return item;
}

// A whole number of unix seconds from the query, or nullopt (also when it is malformed).
std::optional<int64_t> QuerySeconds(const HttpRequest& request, const std::string& name) {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty() || it->second.size() > 12) return std::nullopt;
  for (char ch : it->second)
    if (ch < '0' || ch > '9') return std::nullopt;
  return std::stoll(it->second);
}

HttpResponse Requests(Context& c) {
  if (c.request.method != "GET" && c.request.method != "HEAD") return MethodNotAllowed("GET");
  // ?from=&to= (unix seconds): only the requests created in that window, for a flood.
  const bool windowed = c.request.query.count("from") || c.request.query.count("to");
  const auto from = QuerySeconds(c.request, "from"), to = QuerySeconds(c.request, "to");
  if (windowed && (!from || !to))
    return ApiError(400, "invalid", "A window needs from and to, both in whole seconds since 1970.", from ? "to" : "from");
  if (windowed && *from >= *to) return ApiError(400, "invalid", "The window must end after it starts.", "to");
  auto list = windowed ? c.services.requests.ListWindow(c.session->staff, *from, *to)
                       : c.services.requests.List(c.session->staff);
  if (!list.ok()) return ErrorFromStatus(list.status());
  json items = json::array();
  int64_t fresh = 0;
  for (const auto& r : list.value()) {
    items.push_back(Summary(r));
    fresh += r.status == "new";
  }
  return JsonResponse(200, {{"requests", items}, {"new", fresh}});
}

// The session's organisation keys that the person still holds a grant for. The error to
// answer, if any.
std::optional<HttpResponse> GrantedSecrets(Context& c, std::vector<domain::OrgSecret>* granted) {
  auto secrets = c.services.sessions.GrantedSecrets(c.token, c.session->staff.id);
  if (!secrets.ok()) return ErrorFromStatus(secrets.status());
  *granted = std::move(secrets.value());
  return std::nullopt;
}

// The body {"ids": [...]} of a batch action.
std::optional<HttpResponse> ReadIds(const HttpRequest& request, std::vector<std::string>* ids) {
  json body;
  if (auto error = ReadJsonBody(request, &body)) return *error;
  if (!body.is_object() || !body.contains("ids") || !body["ids"].is_array())
    return ApiError(400, "invalid", "Send {\"ids\": [...]} with the requests to act on.", "ids");
  for (const auto& id : body["ids"]) {
    if (!id.is_string()) return ApiError(400, "invalid", "Every id is a text.", "ids");
    ids->push_back(id.get<std::string>());
  }
  return std::nullopt;
}

// POST requests/batch-open {ids}: the requests in one view, each open audited.
HttpResponse BatchOpen(Context& c) {
  if (c.request.method != "POST") return MethodNotAllowed("POST");
  std::vector<std::string> ids;
  if (auto error = ReadIds(c.request, &ids)) return *error;
  std::vector<domain::OrgSecret> granted;
  if (auto error = GrantedSecrets(c, &granted)) return *error;
  auto opened = c.services.requests.OpenBatch(c.session->staff, granted, ids);
  if (!opened.ok()) return ErrorFromStatus(opened.status());
  return JsonResponse(200, {{"requests", opened.value()}});
}

// POST requests/batch-delete {ids}: deletes them all in one audited action.
HttpResponse BatchDelete(Context& c) {
  if (c.request.method != "POST") return MethodNotAllowed("POST");
  std::vector<std::string> ids;
  if (auto error = ReadIds(c.request, &ids)) return *error;
  auto deleted = c.services.requests.DeleteBatch(c.session->staff, ids);
  if (!deleted.ok()) return ErrorFromStatus(deleted.status());
  return JsonResponse(200, {{"status", "deleted"}, {"deleted", deleted.value()}});
}

HttpResponse OneRequest(Context& c, const std::string& id) {
  const auto& staff = c.session->staff;
  if (c.request.method == "GET" || c.request.method == "HEAD") {
    std::vector<domain::OrgSecret> granted;
    if (auto error = GrantedSecrets(c, &granted)) return *error;
    auto opened = c.services.requests.Open(staff, granted, id);
    if (!opened.ok()) return ErrorFromStatus(opened.status());
    return JsonResponse(200, opened.value());
  }
  if (c.request.method == "PATCH") {
    json body;
    if (auto error = ReadJsonBody(c.request, &body)) return *error;
    domain::RequestUpdate update;
    if (!body.is_object()) return ApiError(400, "invalid", "Send an object with status and/or note.");
    for (auto it = body.begin(); it != body.end(); ++it) {
      if (it.key() == "status" && it->is_string()) update.status = it->get<std::string>();
      else if (it.key() == "note" && it->is_string()) update.note = it->get<std::string>();
      else if (it.key() == "note" && it->is_null()) update.note = "";
      else return ApiError(400, "invalid", "Only status (text) and note (text or null) can be changed.", it.key());
    }
    if (Status s = c.services.requests.Update(staff, id, update); !s.ok()) return ErrorFromStatus(s);
    auto summary = c.services.requests.Summary(staff, id);
    if (!summary.ok()) return ErrorFromStatus(summary.status());
    return JsonResponse(200, Summary(summary.value()));
  }
  if (c.request.method == "DELETE") {
    if (Status s = c.services.requests.Delete(staff, id); !s.ok()) return ErrorFromStatus(s);
    return JsonResponse(200, {{"status", "deleted"}});
  }
  return MethodNotAllowed("GET, PATCH, DELETE");
}

constexpr int64_t kAuditPageDefault = 100;
constexpr int64_t kAuditPageMax = 500;

// ?before=ID&limit=N&actor=EMAIL&action=NAME&request=ID: a page of the log, newest first.
std::optional<HttpResponse> ReadAuditQuery(const HttpRequest& request, domain::AuditTrail::Query* query) {
  query->limit = kAuditPageDefault;
  for (const auto& [name, value] : request.query) {
    if (name == "before" || name == "limit") {
      char* end = nullptr;
      const long long number = std::strtoll(value.c_str(), &end, 10);
      const long long highest = name == "limit" ? kAuditPageMax : INT64_MAX;
      if (value.empty() || *end != '\0' || number < 1 || number > highest || value.size() > 19)
        return ApiError(400, "invalid", name + " must be a whole number from 1" +
                                            (name == "limit" ? " to " + std::to_string(kAuditPageMax) : "") + ".", name);
      (name == "limit" ? query->limit : query->before_id) = number;
    } else if (name == "actor" || name == "action" || name == "request") {
      if (value.size() > 254) return ApiError(400, "invalid", name + " is longer than 254 characters.", name);
      (name == "actor" ? query->actor : name == "action" ? query->action : query->target) = value;
    } else {
      return ApiError(400, "invalid", "Filter the audit log by before, limit, actor, action or request.", name);
    }
  }
  return std::nullopt;
}

HttpResponse Audit(Context& c) {
  if (!c.session->staff.is_admin) return ApiError(403, "forbidden", "Only administrators may read the audit log.");
  if (c.request.method != "GET" && c.request.method != "HEAD") return MethodNotAllowed("GET");
  domain::AuditTrail::Query query;
  if (auto error = ReadAuditQuery(c.request, &query)) return *error;
  auto rows = c.services.audit.Page(query);
  if (!rows.ok()) return ErrorFromStatus(rows.status());
  json entries = json::array();
  for (const auto& r : rows.value())
    entries.push_back({{"id", r.id}, {"at", r.at}, {"actor", r.actor}, {"action", r.action},
                       {"organization", r.organization}, {"target", r.target}});
  // A full page may have older entries behind it: `next_before` asks for them.
  const bool full = static_cast<int64_t>(rows->size()) == query.limit;
  return JsonResponse(200, {{"entries", entries}, {"next_before", full ? json(rows->back().id) : json(nullptr)}});
}

}  // namespace

const char* SessionCookieName(const ServerConfig& config) {
  return config.dev_insecure_cookies ? "hw_session" : "__Host-hw_session";
}

std::string CookieValue(const std::string& header, const std::string& name) {
  size_t position = 0;
  while (position < header.size()) {
    const size_t end = std::min(header.find(';', position), header.size());
    std::string pair = header.substr(position, end - position);
    const size_t start = pair.find_first_not_of(' ');
    if (start != std::string::npos) pair = pair.substr(start);
    if (pair.size() > name.size() && pair.compare(0, name.size(), name) == 0 && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
    position = end + 1;
  }
  return "";
}

std::optional<HttpResponse> HandleStaffApi(const HttpRequest& request, AppServices& services,
                                           const ServerConfig& config) {
  const bool api = request.path.compare(0, kPrefix.size(), kPrefix) == 0;
  const bool preview = request.path.rfind("/staff/preview/", 0) == 0;
  if (!api && !preview) return std::nullopt;
  const std::string route = api ? request.path.substr(kPrefix.size()) : "";
  Context c{request, services, config, CookieValue(request.cookie, SessionCookieName(config)), std::nullopt};
  auto resumed = services.sessions.Resume(c.token, services.now());
  if (!resumed.ok()) return ErrorFromStatus(resumed.status());
  c.session = std::move(resumed.value());
  const bool changes = request.method != "GET" && request.method != "HEAD";
  const bool csrf_ok = !changes || (c.session && domain::StaffSessions::MayChange(*c.session, request.csrf_token));
  // Activity restarts the 30-minute idle timer, and only what the session's own page can
  // send is activity: not a page that merely asks whether it is still logged in (GET
  // session), and not a forged or stale request that fails the CSRF check.
  const bool reads_session = route == "session" && !changes;
  if (c.session && csrf_ok && !reads_session)
    c.session = services.sessions.Touch(c.token, services.now());

  if (route == "session") {
    if (changes && request.method != "POST" && c.session && !csrf_ok)
      return ApiError(403, "csrf", "The X-CSRF-Token header is missing or wrong; reload the page.");
    return Session(c);
  }
  if (!c.session) return ApiError(401, "not_logged_in", "Log in first; sessions end after 30 minutes without use.");
  if (!csrf_ok) return ApiError(403, "csrf", "The X-CSRF-Token header is missing or wrong; reload the page.");
  if (preview) return HandlePreview(request, services, c.session->staff);
  if (auto editor = HandleEditorApi(route, request, services, c.session->staff)) return editor;
  if (route == "requests") return Requests(c);
  if (route == "requests/batch-open") return BatchOpen(c);
  if (route == "requests/batch-delete") return BatchDelete(c);
  if (route.rfind("requests/", 0) == 0 && route.size() > 9 && route.find('/', 9) == std::string::npos)
    return OneRequest(c, route.substr(9));
  if (route == "audit") return Audit(c);
  return ApiErrorForStatus(404);
}

}  // namespace hw::http

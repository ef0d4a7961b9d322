#include "http/editor_routes.h"

#include <cctype>

#include "http/api_error.h"
#include "http/json_api.h"
#include "http/site.h"
#include "domain/hsds.h"
#include "domain/text_bounds.h"
#include "util/log.h"

namespace hw::http {
namespace {

using nlohmann::json;

constexpr const char* kPreviewPrefix = "/staff/preview";

json DraftJson(const domain::DraftView& view) {
  return {{"revision", view.revision},
          {"based_on", view.based_on},
          {"updated_at", view.updated_at},
          {"updated_by", view.updated_by},
          {"directory", view.directory},
          {"questionnaire", view.questionnaire},
          {"issues", ProblemsJson(view.issues)},
          {"unticked", domain::ToJson(view.unticked)}};
}

constexpr size_t kMaxNoteCharacters = 500;

// A publish or restore note over its bound, or nullopt.
std::optional<HttpResponse> NoteTooLong(const std::string& note) {
  const size_t length = domain::CharacterCount(note);
  if (length <= kMaxNoteCharacters) return std::nullopt;
  return ApiError(400, "invalid", "The note is " + std::to_string(length) + " characters long; at most " +
                                      std::to_string(kMaxNoteCharacters) + " are allowed.", "note");
}

template <typename Info>
json VersionInfoJson(const Info& v) {
  return {{"version", v.version}, {"published_at", v.published_at}, {"published_by", v.published_by}, {"note", v.note}};
}

HttpResponse Overview(AppServices& s) {
  auto overview = s.editor.Overview();
  if (!overview.ok()) return ErrorFromStatus(overview.status());
  json published = overview->published ? VersionInfoJson(*overview->published) : json(nullptr);
  json draft_state = nullptr;
  if (const auto& draft = overview->draft)
    draft_state = {{"revision", draft->revision}, {"based_on", draft->based_on},
                   {"updated_at", draft->updated_at}, {"updated_by", draft->updated_by}};
  return JsonResponse(200, {{"published", published}, {"draft", draft_state}});
}

HttpResponse SaveDraft(const HttpRequest& request, AppServices& s, const std::string& editor) {
  json body;
  if (auto error = ReadJsonBody(request, &body)) return *error;
  if (!body.is_object() || !body.contains("revision") || !body["revision"].is_number_integer())
    return ApiError(400, "invalid", "Send the revision you started from.", "revision");
  if (!body.contains("directory") || !body["directory"].is_object())
    return ApiError(400, "invalid", "Send the whole directory document.", "directory");
  std::optional<json> questionnaire;
  if (body.contains("questionnaire")) questionnaire = body["questionnaire"];
  std::map<std::string, std::string> replace;
  if (body.contains("replace")) {
    if (!body["replace"].is_object()) return ApiError(400, "invalid", "replace maps organisation keys to keys.", "replace");
    for (auto& [from, to] : body["replace"].items()) {
      if (!to.is_string()) return ApiError(400, "invalid", "replace maps organisation keys to keys.", "replace");
      replace[from] = to.get<std::string>();
    }
  }
  domain::Problems refused;
  auto saved = s.editor.SaveDraft(editor, body["revision"].get<int64_t>(), body["directory"], questionnaire, replace, &refused);
  if (!saved.ok()) return ErrorFromStatus(saved.status(), refused);
  return JsonResponse(200, DraftJson(saved.value()));
}

HttpResponse Publish(const HttpRequest& request, AppServices& s, const std::string& editor) {
  json body;
  if (auto error = ReadJsonBody(request, &body)) return *error;
  if (!body.is_object() || !body.contains("revision") || !body["revision"].is_number_integer())
    return ApiError(400, "invalid", "Send the revision you checked.", "revision");
  const std::string note = body.contains("note") && body["note"].is_string() ? body["note"].get<std::string>() : "";
  if (auto error = NoteTooLong(note)) return *error;
  domain::Problems issues;
  auto version = s.editor.Publish(editor, body["revision"].get<int64_t>(), note, &issues);
  if (!version.ok()) return ErrorFromStatus(version.status(), issues);
  return JsonResponse(201, {{"version", version.value()}});
}

// POST directory/import-hsds?lang=nl&revision=N with an HSDS document (a JSON array of
// organizations, as /hsds/ and `directory export` give it): applied to the draft, with a
// report of what changed and what was refused and why. Changed contact details come in
// unverified, so residents see them only after an editor checks them.
HttpResponse ImportHsds(const HttpRequest& request, AppServices& s, const std::string& editor) {
  const std::string lang = request.query.count("lang") ? request.query.at("lang") : "nl";
  if (!domain::IsHsdsLanguage(lang)) return ApiError(400, "invalid", "lang must be nl or en.", "lang");
  char* end = nullptr;
  const std::string revision_text = request.query.count("revision") ? request.query.at("revision") : "";
  const long long revision = std::strtoll(revision_text.c_str(), &end, 10);
  if (revision_text.empty() || *end) return ApiError(400, "invalid", "Give the draft revision you import into.", "revision");
  json document;
  if (auto error = ReadJsonBody(request, &document)) return *error;
  if (!document.is_array()) return ApiError(400, "invalid", "An HSDS document here is a JSON list of organizations.");
  domain::Problems not_saved;
  auto imported = s.editor.ImportHsds(editor, revision, document, lang, &not_saved);
  if (!imported.ok()) return ErrorFromStatus(imported.status(), not_saved);
  if (!imported->counts_noted.ok()) log::Error("import_not_audited", {{"reason", imported->counts_noted.message()}});
  json refused = json::array();
  for (const auto& r : imported->refusals) refused.push_back({{"path", r.path}, {"reason", r.reason}});
  json body = DraftJson(imported->draft);
  body["report"] = {{"changes", imported->changes}, {"refused", refused}};
  return JsonResponse(200, body);
}

// GET directory/publish-check: what publishing would change on crisis lines, and whether a
// second editor approved it.
HttpResponse PublishCheck(AppServices& s) {
  auto check = s.editor.CheckBeforePublish();
  if (!check.ok()) return ErrorFromStatus(check.status());
  return JsonResponse(200, {{"revision", check->revision},
                            {"crisis_changes", domain::ToJson(check->crisis_changes)},
                            {"approval_required", check->approval_required()},
                            {"approved_by", check->approved_by.empty() ? json(nullptr) : json(check->approved_by)}});
}

// POST directory/approve {"revision": N}: a second editor approves this revision's
// crisis-line changes.
HttpResponse Approve(const HttpRequest& request, AppServices& s, const std::string& editor) {
  json body;
  if (auto error = ReadJsonBody(request, &body)) return *error;
  if (!body.is_object() || !body.contains("revision") || !body["revision"].is_number_integer())
    return ApiError(400, "invalid", "Send the revision you approve.", "revision");
  const Status approved = s.editor.Approve(editor, body["revision"].get<int64_t>());
  if (!approved.ok()) return ErrorFromStatus(approved);
  return JsonResponse(200, {{"status", "approved"}});
}

HttpResponse Versions(AppServices& s) {
  auto versions = s.editor.Versions();
  if (!versions.ok()) return ErrorFromStatus(versions.status());
  json list = json::array();
  for (const auto& v : versions.value()) list.push_back(VersionInfoJson(v));
  return JsonResponse(200, {{"versions", list}});
}

HttpResponse OneVersion(AppServices& s, const std::string& number) {
  char* end = nullptr;
  const long long v = std::strtoll(number.c_str(), &end, 10);
  if (number.empty() || *end) return ApiError(400, "invalid", "The version must be a number.", "version");
  auto version = s.editor.Version(v);
  if (!version.ok()) return ErrorFromStatus(version.status());
  return JsonResponse(200, {{"version", version->info.version},
                            {"published_at", version->info.published_at},
                            {"published_by", version->info.published_by},
                            {"directory", version->directory},
                            {"questionnaire", version->questionnaire}});
}

HttpResponse Restore(const HttpRequest& request, AppServices& s, const std::string& editor, const std::string& number) {
  json body = json::object();
  if (!request.body.empty())
    if (auto error = ReadJsonBody(request, &body)) return *error;
  char* end = nullptr;
  const long long v = std::strtoll(number.c_str(), &end, 10);
  if (number.empty() || *end) return ApiError(400, "invalid", "The version must be a number.", "version");
  const std::string note = body.is_object() && body.contains("note") && body["note"].is_string() ? body["note"].get<std::string>() : "";
  if (auto error = NoteTooLong(note)) return *error;
  auto restored = s.editor.Restore(editor, v, note);
  if (!restored.ok()) return ErrorFromStatus(restored.status());
  return JsonResponse(201, {{"version", restored.value()}});
}

HttpResponse MethodNotAllowed(const char* allow) {
  HttpResponse response = ApiErrorForStatus(405);
  response.SetHeader("Allow", allow);
  return response;
}

}  // namespace

std::optional<HttpResponse> HandleEditorApi(const std::string& route, const HttpRequest& request, AppServices& s,
                                            const domain::StaffIdentity& staff) {
  if (route != "directory" && route.rfind("directory/", 0) != 0) return std::nullopt;
  if (!staff.is_editor) return ApiError(403, "forbidden", "Only editors may change the directory.");
  const std::string& m = request.method;
  const bool read = m == "GET" || m == "HEAD";
  const std::string rest = route == "directory" ? "" : route.substr(10);
  if (rest.empty()) return read ? Overview(s) : MethodNotAllowed("GET");
  if (rest == "draft") {
    if (read) {
      auto draft = s.editor.OpenDraft(staff.email);
      if (!draft.ok()) return ErrorFromStatus(draft.status());
      return JsonResponse(200, DraftJson(draft.value()));
    }
    if (m == "PUT") return SaveDraft(request, s, staff.email);
    if (m == "DELETE") {
      if (Status st = s.editor.DiscardDraft(staff.email); !st.ok()) return ErrorFromStatus(st);
      return JsonResponse(200, {{"status", "discarded"}});
    }
    return MethodNotAllowed("GET, PUT, DELETE");
  }
  if (rest == "publish") return m == "POST" ? Publish(request, s, staff.email) : MethodNotAllowed("POST");
  if (rest == "versions") return read ? Versions(s) : MethodNotAllowed("GET");
  if (rest == "publish-check") return read ? PublishCheck(s) : MethodNotAllowed("GET");
  if (rest == "approve") return m == "POST" ? Approve(request, s, staff.email) : MethodNotAllowed("POST");
  if (rest == "import-hsds") return m == "POST" ? ImportHsds(request, s, staff.email) : MethodNotAllowed("POST");
  if (rest.rfind("versions/", 0) == 0) {
    const std::string tail = rest.substr(9);
    const size_t slash = tail.find('/');
    if (slash == std::string::npos) return read ? OneVersion(s, tail) : MethodNotAllowed("GET");
    if (tail.substr(slash) == "/restore") return m == "POST" ? Restore(request, s, staff.email, tail.substr(0, slash)) : MethodNotAllowed("POST");
    return ApiErrorForStatus(404);
  }
  if (rest.rfind("diff/", 0) == 0) {
    if (!read) return MethodNotAllowed("GET");
    const std::string tail = rest.substr(5);
    const size_t slash = tail.find('/');
    if (slash == std::string::npos) return ApiError(400, "invalid", "Use diff/{from}/{to}.");
    auto diff = s.editor.Diff(tail.substr(0, slash), tail.substr(slash + 1));
    if (!diff.ok()) return ErrorFromStatus(diff.status());
    return JsonResponse(200, {{"changes", diff.value()}});
  }
  if (rest == "attention") {
    if (!read) return MethodNotAllowed("GET");
    auto items = s.editor.Attention();
    if (!items.ok()) return ErrorFromStatus(items.status());
    return JsonResponse(200, {{"items", items.value()}});
  }
  return ApiErrorForStatus(404);
}

std::optional<HttpResponse> HandlePreview(const HttpRequest& request, AppServices& s, const domain::StaffIdentity& staff) {
  if (request.path.rfind(std::string(kPreviewPrefix) + "/", 0) != 0) return std::nullopt;
  if (!staff.is_editor) return ApiError(403, "forbidden", "Only editors may preview the draft.");
  if (request.method != "GET" && request.method != "HEAD") return MethodNotAllowed("GET");
  auto draft = s.editor.DraftToPreview();
  if (!draft.ok()) return ErrorFromStatus(draft.status());
  std::shared_ptr<const Site> site;
  {
    std::lock_guard<std::mutex> lock(s.preview.mutex);
    if (s.preview.revision == draft->revision) site = s.preview.site;
  }
  if (!site) {
    auto built = Site::BuildPreview(s.catalog, draft->directory, draft->questionnaire, kPreviewPrefix, s.now());
    if (!built.ok()) return ErrorFromStatus(built.status());
    site = built.value();
    std::lock_guard<std::mutex> lock(s.preview.mutex);
    s.preview.revision = draft->revision;
    s.preview.site = site;
  }
  const Resource* resource = site->Find(request.path);
  if (!resource) return ApiErrorForStatus(404);
  HttpResponse response;
  response.content_type = resource->content_type();
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("Content-Security-Policy", site->content_security_policy());
  const Resource::Variant& variant = resource->Select(request.accept_encoding);
  if (variant.content_encoding) response.SetHeader("Content-Encoding", variant.content_encoding);
  response.SetHeader("Vary", "Accept-Encoding");
  response.body_view = variant.body;
  response.keep_alive = site;
  return response;
}

}  // namespace hw::http

#include "http/contact_routes.h"

#include "http/api_error.h"
#include "http/json_api.h"
#include "util/log.h"

namespace hw::http {
namespace {

HttpResponse TooMany(int64_t retry_after) {
  HttpResponse response = ApiError(429, "too_many_requests", "Too many requests from here; try again later.");
  response.SetHeader("Retry-After", std::to_string(retry_after));
  return response;
}

}  // namespace

// An invalid submission's own answer, or 429 once the client sent too many invalid ones.
// Only invalid submissions count against that limit, so a resident sharing an address with
// someone who sends garbage still gets a valid request through.
HttpResponse RefuseInvalid(const HttpRequest& request, AppServices& services, int64_t now, HttpResponse answer) {
  if (!services.invalid_submissions_per_client.Allow(request.client_bucket, now))
    return TooMany(services.invalid_submissions_per_client.window_seconds());
  return answer;
}

HttpResponse SubmitContactRequest(const HttpRequest& request, AppServices& services) {
  const int64_t now = services.now();
  // Valid and invalid submissions are limited apart: a resident's typos must not use up
  // the few requests they may send, and rejected ones cost us no storage.
  if (!services.submissions_per_client.WouldAllow(request.client_bucket, now))
    return TooMany(services.submissions_per_client.window_seconds());
  nlohmann::json body;
  if (auto error = ReadJsonBody(request, &body)) return RefuseInvalid(request, services, now, *error);
  const domain::ContactRequestCheck check = domain::CheckContactRequest(body);
  if (!check.ok()) {
    HttpResponse response = ApiError(422, check.errors[0].code, check.errors[0].message, check.errors[0].field);
    nlohmann::json all = nlohmann::json::parse(response.owned_body);
    all["error"]["errors"] = nlohmann::json::array();
    for (const auto& e : check.errors) all["error"]["errors"].push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
    return RefuseInvalid(request, services, now, JsonResponse(422, all));
  }
  // Counted before storing, so that parallel submissions cannot all pass the check above.
  if (!services.submissions_per_client.Allow(request.client_bucket, now))
    return TooMany(services.submissions_per_client.window_seconds());
  auto submitted = services.requests.Submit(check);
  if (!submitted.ok()) {
    // Nothing was stored: a resident told to phone (or to try again after a disk error)
    // keeps the submissions they may still need for another organisation.
    services.submissions_per_client.GiveBack(request.client_bucket, now);
    const StatusCode code = submitted.status().code();
    if (code == StatusCode::kNotFound || code == StatusCode::kFailedPrecondition)
      services.invalid_submissions_per_client.Allow(request.client_bucket, now);
    if (code == StatusCode::kNotFound)
      return ApiError(422, "unknown_organization", "There is no organisation with this id.", "organization_id");
    if (code == StatusCode::kFailedPrecondition)
      return ApiError(422, "not_accepting", "This organisation does not take contact requests here; please call them.",
                      "organization_id");
    if (code == StatusCode::kResourceExhausted) {
      // For the operator's monitoring: the organisation's id only, nothing of the resident.
      log::Warn("organization_inbox_full", {{"organization_id", check.organization_id}});
      return ApiError(503, "organization_inbox_full",
                      "This organisation has too many contact requests waiting for an answer to take more here; "
                      "nothing was stored. Please phone them instead.");
    }
    return ErrorFromStatus(submitted.status());
  }
  return JsonResponse(202, {{"status", "accepted"},
                            {"organization", submitted->target.name},
                            {"response_time", submitted->target.response_time}});
}

}  // namespace hw::http

#include "http/contact_routes.h"

#include <cctype>
#include <vector>

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

// The limits a stored request counts against: its client's, and for IPv6 also those of the
// client's /56 and /48, so that rotating through the /64s of one allocation gains nothing.
struct StoredLimits {
  struct One {
    domain::RateLimiter& limiter;
    const std::string& key;
  };
  std::vector<One> limits;

  StoredLimits(const HttpRequest& request, AppServices& services) {
    limits.push_back({services.submissions_per_client, request.client_bucket});
    if (!request.client_bucket_56.empty()) limits.push_back({services.submissions_per_56, request.client_bucket_56});
    if (!request.client_bucket_48.empty()) limits.push_back({services.submissions_per_48, request.client_bucket_48});
  }
  bool WouldAllow(int64_t now) const {
    for (const One& one : limits)
      if (!one.limiter.WouldAllow(one.key, now)) return false;
    return true;
  }
  // Counts the request against every limit; when one refuses, none keeps it.
  bool Allow(int64_t now) const {
    for (size_t i = 0; i < limits.size(); ++i) {
      if (limits[i].limiter.Allow(limits[i].key, now)) continue;
      for (size_t j = 0; j <= i; ++j) limits[j].limiter.GiveBack(limits[j].key, now);
      return false;
    }
    return true;
  }
  void GiveBack(int64_t now) const {
    for (const One& one : limits) one.limiter.GiveBack(one.key, now);
  }
};

// The proof is no part of the request (it is not sealed): taken out before the check.
domain::WorkProof TakeProof(nlohmann::json& body) {
  domain::WorkProof proof;
  if (!body.is_object() || !body.contains("proof")) return proof;
  const nlohmann::json& given = body["proof"];
  if (given.is_object()) {
    if (given.contains("challenge") && given["challenge"].is_string()) proof.challenge = given["challenge"];
    if (given.contains("nonce") && given["nonce"].is_string()) proof.nonce = given["nonce"];
  }
  if (proof.challenge.empty() && proof.nonce.empty()) proof.challenge = "-";  // present but not a proof
  body.erase("proof");
  return proof;
}

// A refusal that counts against the client's invalid submissions: it names an organisation
// that does not exist or takes no requests, or carries a proof that is not valid.
bool CountsAsInvalid(const Status& status) {
  const Reason reason = status.reason();
  return reason == Reason::kUnknownOrganization || reason == Reason::kNotAccepting || reason == Reason::kProofRejected;
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

HttpResponse IssueContactChallenge(const HttpRequest& request, AppServices& services) {
  nlohmann::json body;
  if (auto error = ReadJsonBody(request, &body)) return *error;
  if (!body.is_object() || !body.contains("organization_id") || !body["organization_id"].is_string())
    return ApiError(422, "required", "Name the organisation (organization_id) the request will go to.", "organization_id");
  auto issued = services.requests.Challenge(body["organization_id"].get<std::string>());
  if (!issued.ok()) return ErrorFromStatus(issued.status());
  return JsonResponse(200, {{"challenge", issued->challenge},
                            {"bits", issued->bits},
                            {"expires_in", issued->expires_at - services.now()}});
}

HttpResponse SubmitContactRequest(const HttpRequest& request, AppServices& services) {
  const int64_t now = services.now();
  const StoredLimits stored_limits(request, services);
  // Valid and invalid submissions are limited apart: a resident's typos must not use up
  // the few requests they may send, and rejected ones cost us no storage.
  if (!stored_limits.WouldAllow(now)) return TooMany(services.submissions_per_client.window_seconds());
  nlohmann::json body;
  if (auto error = ReadJsonBody(request, &body)) return RefuseInvalid(request, services, now, *error);
  const domain::WorkProof proof = TakeProof(body);
  const domain::ContactRequestCheck check = domain::CheckContactRequest(body);
  if (!check.ok()) {
    return RefuseInvalid(request, services, now, ProblemsError(422, check.errors));
  }
  // Counted before storing, so that parallel submissions cannot all pass the check above.
  if (!stored_limits.Allow(now)) return TooMany(services.submissions_per_client.window_seconds());
  auto submitted = services.requests.Submit(check, proof);
  if (!submitted.ok()) {
    // Nothing was stored: a resident told to phone (or to try again after a disk error)
    // keeps the submissions they may still need for another organisation.
    stored_limits.GiveBack(now);
    if (CountsAsInvalid(submitted.status())) services.invalid_submissions_per_client.Allow(request.client_bucket, now);
    // For the operator's monitoring: the organisation's id only, nothing of the resident.
    if (submitted.status().reason() == Reason::kInboxFull)
      log::Warn("organization_inbox_full", {{"organization_id", check.organization_id}});
    return ErrorFromStatus(submitted.status());
  }
  if (submitted->difficulty_raised_to) {
    // For the operator's monitoring: a flood may be under way (deploy/README.md says what to do).
    log::Warn("contact_inflow_high",
              {{"organization_id", check.organization_id}, {"proof_of_work_bits", submitted->difficulty_raised_to}});
  }
  return JsonResponse(202, {{"status", "accepted"},
                            {"organization", submitted->target.name},
                            {"response_time", submitted->target.response_time}});
}

}  // namespace hw::http

#include "http/json_api.h"

#include "domain/json_document.h"
#include "http/api_error.h"

namespace hw::http {

std::optional<HttpResponse> ReadJsonBody(const HttpRequest& request, nlohmann::json* body) {
  const std::string type = request.content_type.substr(0, request.content_type.find(';'));
  if (type != "application/json")
    return ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  auto parsed = domain::ParseJson(request.body, "The request body");
  if (!parsed.ok()) return ApiError(400, "invalid_json", parsed.status().message() + ".");
  *body = std::move(parsed.value());
  return std::nullopt;
}

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  response.SetHeader("Cache-Control", "no-store");
  response.owned_body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

namespace {

// How the API answers a failure with a reason: the HTTP status, the API's code, the field
// of the request it concerns, and either words added to the domain's message or, where
// the domain's message is not for this reader, words of its own.
struct ReasonAnswer {
  Reason reason;
  int status;
  const char* code;
  const char* field;
  const char* advice;       // appended to the message ("" for none)
  const char* replacement;  // replaces the message when not null
  bool field_of_first_problem = false;  // the field is where the first problem is
};

const ReasonAnswer kReasonAnswers[] = {
    {Reason::kDraftChanged, 409, "draft_changed", "", " Reload the draft; your changes were not saved.", nullptr},
    {Reason::kDraftOutdated, 409, "draft_outdated", "", " Discard the draft or redo its changes on a new one.", nullptr},
    {Reason::kInvalidDraft, 422, "invalid_draft", "", "", nullptr},
    {Reason::kNotPreviewable, 409, "invalid_draft", "", "", nullptr},
    {Reason::kDraftRefused, 400, "invalid", "", "", nullptr, /*field_of_first_problem=*/true},
    {Reason::kApprovalRequired, 409, "approval_required", "", "", nullptr},
    {Reason::kOwnChange, 403, "own_change", "", "", nullptr},
    {Reason::kNothingToApprove, 409, "nothing_to_approve", "", "", nullptr},
    {Reason::kNoDraft, 404, "not_found", "", "", nullptr},
    {Reason::kNoSuchVersion, 404, "not_found", "version", "", nullptr},
    {Reason::kVersionNotRestorable, 409, "precondition_failed", "", "", nullptr},
    {Reason::kUnknownOrganization, 422, "unknown_organization", "organization_id", "", "There is no organisation with this id."},
    {Reason::kNotAccepting, 422, "not_accepting", "organization_id", "",
     "This organisation does not take contact requests here; please call them."},
    {Reason::kProofRejected, 422, "proof_rejected", "proof", " Ask for a new challenge and try again.", nullptr},
    {Reason::kInboxFull, 503, "organization_inbox_full", "", "",
     "This organisation has too many contact requests waiting for an answer to take more here; nothing was stored. "
     "Please phone them instead."},
    {Reason::kNoKey, 403, "no_key", "", "",
     "Your session holds no key for this request. If someone left recently the keys were renewed: log in again. "
     "Otherwise ask a colleague with access or the administrator."},
    {Reason::kSessionEnded, 401, "not_logged_in", "", "", "Log in again."},
    {Reason::kInvalidRequestStatus, 400, "invalid", "status", "", nullptr},
    {Reason::kNoteTooLong, 400, "invalid", "note", "", nullptr},
    {Reason::kInvalidBatch, 400, "invalid", "ids", "", nullptr},
    {Reason::kNoSuchRequest, 404, "not_found", "", "", nullptr},
    {Reason::kNoSuchRequestInBatch, 404, "not_found", "ids", "", nullptr},
};

// "the draft changed" -> "The draft changed."
std::string Sentence(std::string message) {
  if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (!message.empty() && message.back() != '.') message += '.';
  return message;
}

struct ErrorAnswer {
  int status;
  nlohmann::json body;
};

ErrorAnswer ByCode(const Status& status, const std::string& message) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return {400, ErrorBody("invalid", message)};
    case StatusCode::kNotFound: return {404, ErrorBody("not_found", message)};
    case StatusCode::kAlreadyExists: return {409, ErrorBody("conflict", message)};
    case StatusCode::kPermissionDenied: return {403, ErrorBody("forbidden", message)};
    case StatusCode::kFailedPrecondition: return {409, ErrorBody("precondition_failed", message)};
    case StatusCode::kUnavailable:
    case StatusCode::kIoError:
      return {503, ErrorBody("unavailable", "The service cannot store data right now; nothing was stored. Try again shortly.")};
    case StatusCode::kResourceExhausted: return {503, ErrorBody("limit_reached", message)};
    default: return {500, ErrorBody("internal_error", "Something went wrong on our side; nothing was stored.")};
  }
}

const ReasonAnswer* AnswerFor(Reason reason) {
  for (const ReasonAnswer& answer : kReasonAnswers)
    if (answer.reason == reason) return &answer;
  return nullptr;
}

ErrorAnswer AnswerOf(const Status& status) {
  const std::string message = Sentence(status.message());
  const ReasonAnswer* answer = AnswerFor(status.reason());
  if (!answer) return ByCode(status, message);
  return {answer->status,
          ErrorBody(answer->code, answer->replacement ? answer->replacement : message + answer->advice, answer->field)};
}

}  // namespace

HttpResponse ErrorFromStatus(const Status& status) {
  const ErrorAnswer answer = AnswerOf(status);
  return ErrorResponse(answer.status, answer.body);
}

HttpResponse ErrorFromStatus(const Status& status, const domain::Problems& problems) {
  ErrorAnswer answer = AnswerOf(status);
  if (!problems.empty()) {
    answer.body["error"]["issues"] = ProblemsJson(problems);
    const ReasonAnswer* reason = AnswerFor(status.reason());
    if (reason && reason->field_of_first_problem) {
      const domain::Problem& first = problems.front();
      answer.body["error"]["field"] = first.file + (first.field.empty() ? "" : "." + first.field);
    }
  }
  return ErrorResponse(answer.status, answer.body);
}

}  // namespace hw::http

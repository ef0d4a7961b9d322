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

HttpResponse ErrorFromStatus(const Status& status) {
  std::string message = status.message();
  if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (!message.empty() && message.back() != '.') message += '.';
  switch (status.code()) {
    case StatusCode::kInvalidArgument: return ApiError(400, "invalid", message);
    case StatusCode::kNotFound: return ApiError(404, "not_found", message);
    case StatusCode::kAlreadyExists: return ApiError(409, "conflict", message);
    case StatusCode::kPermissionDenied: return ApiError(403, "forbidden", message);
    case StatusCode::kFailedPrecondition: return ApiError(409, "precondition_failed", message);
    case StatusCode::kUnavailable:
    case StatusCode::kIoError: return ApiError(503, "unavailable", "The service cannot store data right now; nothing was stored. Try again shortly.");
    case StatusCode::kResourceExhausted: return ApiError(503, "limit_reached", message);
    default: return ApiError(500, "internal_error", "Something went wrong on our side; nothing was stored.");
  }
}

}  // namespace hw::http

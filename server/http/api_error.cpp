#include "http/api_error.h"

#include <nlohmann/json.hpp>

namespace hw::http {

nlohmann::json ErrorBody(const std::string& code, const std::string& message, const std::string& field) {
  nlohmann::json error = {{"code", code}, {"message", message}, {"field", nullptr}};
  if (!field.empty()) error["field"] = field;
  return {{"error", std::move(error)}};
}

HttpResponse ErrorResponse(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/json";
  response.SetHeader("Cache-Control", "no-store");
  response.owned_body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse ApiError(int status, const std::string& code, const std::string& message, const std::string& field) {
  return ErrorResponse(status, ErrorBody(code, message, field));
}

nlohmann::json ProblemsJson(const domain::Problems& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& problem : problems) {
    nlohmann::json item = problem.ToJson();
    item["text"] = problem.ToString();
    list.push_back(std::move(item));
  }
  return list;
}

HttpResponse ProblemsError(int status, const domain::Problems& problems) {
  const domain::Problem& first = problems.front();
  nlohmann::json body = ErrorBody(domain::CodeName(first.code), first.message, first.field);
  body["error"]["params"] = first.params;
  body["error"]["errors"] = ProblemsJson(problems);
  return ErrorResponse(status, body);
}

HttpResponse ApiErrorForStatus(int status) {
  switch (status) {
    case 400: return ApiError(400, "bad_request", "The request could not be read as HTTP.");
    case 404: return ApiError(404, "not_found", "There is nothing at this address.");
    case 405: return ApiError(405, "method_not_allowed", "This address does not accept this method.");
    case 411: return ApiError(411, "length_required", "Send the body with a Content-Length header, not in chunks.");
    case 413: return ApiError(413, "payload_too_large", "The request body is larger than 64 KiB.");
    case 414: return ApiError(414, "uri_too_long", "The address is longer than 2048 characters.");
    case 415: return ApiError(415, "unsupported_media_type", "Compressed request bodies are not accepted; send it uncompressed.");
    case 416: return ApiError(416, "range_not_satisfiable", "Ranges are not supported.");
    case 431: return ApiError(431, "headers_too_large", "The request has too many or too large headers.");
    case 503: return ApiError(503, "unavailable", "The service is busy or cannot store data right now; try again shortly.");
    default: break;
  }
  if (status >= 500) return ApiError(status, "internal_error", "Something went wrong on our side; nothing was stored.");
  return ApiError(status, "error", "The request was refused.");
}

}  // namespace hw::http

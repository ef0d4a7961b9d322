// Small helpers for JSON endpoints: reading a JSON body (content type, size and depth
// checked, error names line and column), writing JSON, and mapping a Status to an HTTP
// error in the one error shape.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "http/exchange.h"
#include "util/status.h"

namespace hw::http {

// The parsed body, or the error response to send.
std::optional<HttpResponse> ReadJsonBody(const HttpRequest& request, nlohmann::json* body);
HttpResponse JsonResponse(int status, const nlohmann::json& body);
HttpResponse ErrorFromStatus(const Status& status);

}  // namespace hw::http

// Small helpers for JSON endpoints: reading a JSON body (content type, size and depth
// checked, error names line and column), writing JSON, and mapping a Status to an HTTP
// error in the one error shape.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "domain/problem.h"
#include "http/exchange.h"
#include "util/status.h"

namespace hw::http {

// The parsed body, or the error response to send.
std::optional<HttpResponse> ReadJsonBody(const HttpRequest& request, nlohmann::json* body);
HttpResponse JsonResponse(int status, const nlohmann::json& body);
// The one table from a failure to its answer: a Status with a Reason gets that reason's
// status, code, field and words; one without is answered by its code. The second form
// adds the problems that made the domain refuse (a draft that cannot go live).
HttpResponse ErrorFromStatus(const Status& status);
HttpResponse ErrorFromStatus(const Status& status, const domain::Problems& problems);

}  // namespace hw::http

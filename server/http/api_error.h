// The one shape of every JSON error: {"error": {"code", "message", "field"}}, with
// "params" and "errors" (domain problems) where the refusal is about the request's content.
// `code` is stable and machine-readable; `message` is a sentence for people; `field`
// names the offending field of the request, or is null.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/problem.h"
#include "http/exchange.h"

namespace hw::http {

HttpResponse ApiError(int status, const std::string& code, const std::string& message, const std::string& field = "");
// The parts of ApiError, for answers that add to the body: {"error": {code, message, field}},
// and the response that carries a body.
nlohmann::json ErrorBody(const std::string& code, const std::string& message, const std::string& field = "");
HttpResponse ErrorResponse(int status, const nlohmann::json& body);

// Problems as the API sends them: each with its code, params, place and English message
// (domain::Problem::ToJson) and "text", the whole English line.
nlohmann::json ProblemsJson(const domain::Problems& problems);

// A refusal because of problems in the request (not empty): the first problem's code,
// message and field, and every problem in "errors".
HttpResponse ProblemsError(int status, const domain::Problems& problems);

// The error for a status the HTTP layer itself produced (413, 414, 431, ...).
HttpResponse ApiErrorForStatus(int status);

}  // namespace hw::http

// The one shape of every JSON error: {"error": {"code", "message", "field"}}.
// `code` is stable and machine-readable; `message` is a sentence for people; `field`
// names the offending field of the request, or is null.
#pragma once

#include <string>

#include "http/exchange.h"

namespace hw::http {

HttpResponse ApiError(int status, const std::string& code, const std::string& message, const std::string& field = "");

// The error for a status the HTTP layer itself produced (413, 414, 431, ...).
HttpResponse ApiErrorForStatus(int status);

}  // namespace hw::http

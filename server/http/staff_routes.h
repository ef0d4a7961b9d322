// The staff API under /staff/api/v1/: session (POST login, GET who am I, PATCH stay
// logged in, DELETE logout), the partner inbox (list, open, update, delete) and the audit
// log for admins. Every state change needs the session's CSRF token in X-CSRF-Token.
// Every request restarts the session's idle timer except GET session, which only looks.
// Thin: authorise, call the domain.
#pragma once

#include <optional>

#include "http/app_services.h"
#include "http/exchange.h"
#include "http/server_config.h"

namespace hw::http {

// nullopt when the path is not part of the staff API.
std::optional<HttpResponse> HandleStaffApi(const HttpRequest& request, AppServices& services,
                                           const ServerConfig& config);

// The session cookie's name: "__Host-hw_session", or "hw_session" in development.
const char* SessionCookieName(const ServerConfig& config);
// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(const std::string& header, const std::string& name);

}  // namespace hw::http

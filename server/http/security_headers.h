// Headers sent with every response: CSP, framing, referrer, sniffing, permissions,
// cross-origin isolation, and HSTS when the deployment terminates TLS in front of us.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hw::http {

std::vector<std::pair<std::string, std::string>> SecurityHeaders(const std::string& content_security_policy, bool hsts);

// The staff portal's policy: no inline style at all (the resident page's hashed inline
// style is not needed there).
const std::string& StaffContentSecurityPolicy();

}  // namespace hw::http

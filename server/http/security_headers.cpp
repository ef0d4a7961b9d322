#include "http/security_headers.h"

namespace hw::http {

std::vector<std::pair<std::string, std::string>> SecurityHeaders(const std::string& content_security_policy, bool hsts) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Security-Policy", content_security_policy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy",
       "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"},
  };
  if (hsts) headers.emplace_back("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return headers;
}

const std::string& StaffContentSecurityPolicy() {
  static const std::string policy =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  return policy;
}

}  // namespace hw::http

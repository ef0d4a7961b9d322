#include "http/content_negotiation.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hw::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// q-value in thousandths (0..1000); malformed values count as 0 (not acceptable).
int ParseQuality(std::string_view params) {
  int quality = 1000;
  while (!params.empty()) {
    const size_t semicolon = params.find(';');
    std::string_view param = Trim(params.substr(0, semicolon));
    params = semicolon == std::string_view::npos ? std::string_view() : params.substr(semicolon + 1);
    if (param.size() < 2 || std::tolower(static_cast<unsigned char>(param[0])) != 'q' || param[1] != '=') continue;
    std::string_view value = param.substr(2);
    if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1')) return 0;
    int result = (value[0] - '0') * 1000;
    if (value.size() > 1) {
      if (value[1] != '.') return 0;
      int scale = 100;
      for (size_t i = 2; i < value.size(); ++i, scale /= 10) {
        if (!std::isdigit(static_cast<unsigned char>(value[i]))) return 0;
        result += (value[i] - '0') * scale;
      }
    }
    quality = result > 1000 ? 0 : result;
  }
  return quality;
}

}  // namespace

Encoding ChooseEncoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli) {
  int q_gzip = -1, q_brotli = -1, q_identity = -1, q_any = -1;
  std::string_view rest = accept_encoding;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const size_t semicolon = item.find(';');
    const std::string_view name = Trim(item.substr(0, semicolon));
    const int q = semicolon == std::string_view::npos ? 1000 : ParseQuality(item.substr(semicolon + 1));
    if (EqualsIgnoreCase(name, "gzip") || EqualsIgnoreCase(name, "x-gzip")) q_gzip = std::max(q_gzip, q);
    else if (EqualsIgnoreCase(name, "br")) q_brotli = std::max(q_brotli, q);
    else if (EqualsIgnoreCase(name, "identity")) q_identity = std::max(q_identity, q);
    else if (name == "*") q_any = std::max(q_any, q);
  }
  if (q_gzip < 0) q_gzip = q_any < 0 ? 0 : q_any;
  if (q_brotli < 0) q_brotli = q_any < 0 ? 0 : q_any;
  // Identity is acceptable unless refused; it only competes at its own q.
  if (q_identity < 0) q_identity = q_any == 0 ? 0 : 1;
  int best_q = q_identity;
  Encoding best = Encoding::kIdentity;
  if (have_gzip && q_gzip > 0 && q_gzip >= best_q) {
    best = Encoding::kGzip;
    best_q = q_gzip;
  }
  if (have_brotli && q_brotli > 0 && q_brotli >= best_q) best = Encoding::kBrotli;
  return best;
}

bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag) {
  std::string_view rest = Trim(if_none_match);
  if (rest == "*") return true;
  std::string_view opaque = etag;  // compare without any W/ prefix (weak comparison)
  if (opaque.substr(0, 2) == "W/") opaque.remove_prefix(2);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view candidate = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);
    if (!candidate.empty() && candidate == opaque) return true;
  }
  return false;
}

}  // namespace hw::http

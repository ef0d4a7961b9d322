#include "domain/text_shape.h"

#include <re2/re2.h>

namespace hw::domain {
namespace {

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  for (char c : text)
    if (!IsDigit(c)) return false;
  return true;
}

// Byte-wise (Latin-1), like the std::regex patterns these replace; quiet on bad input.
RE2::Options ByteOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_log_errors(false);
  return options;
}

}  // namespace

bool IsLowercaseUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !IsLowerHex(text[i])) return false;
  }
  return true;
}

bool IsSlug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  char previous = 0;
  for (char c : text) {
    if (c == '-' && previous == '-') return false;
    if (c != '-' && !IsLower(c) && !IsDigit(c)) return false;
    previous = c;
  }
  return true;
}

bool IsLanguageCode(std::string_view text) { return text.size() == 2 && IsLower(text[0]) && IsLower(text[1]); }

bool IsIdentifier(std::string_view text) {
  if (text.empty() || !IsLower(text.front())) return false;
  for (char c : text)
    if (!IsLower(c) && !IsDigit(c) && c != '_') return false;
  return true;
}

bool IsDutchOrInternationalDigits(std::string_view text) {
  if (text.size() == 10 && text[0] == '0' && text[1] != '0') return AllDigits(text);
  if (text.size() >= 9 && text.size() <= 16 && text[0] == '+' && text[1] != '0') return AllDigits(text.substr(1));
  return false;
}

bool IsHttpsUrl(std::string_view text) {
  static const RE2 kHttps(R"(https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s"<>]*)?)", ByteOptions());
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kHttps);
}

bool IsEmailShape(std::string_view text) {
  static const RE2 kEmail(R"([^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+)", ByteOptions());
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), kEmail);
}

}  // namespace hw::domain

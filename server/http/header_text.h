// Small text helpers shared by the code that reads and writes HTTP/1.1 by hand
// (request_framer, simple_get, the canned refusals of http_server). Pure; any thread.
#pragma once

#include <string_view>

namespace hw::http {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  return true;
}

inline bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

// The reason phrase cpp-httplib 0.11.4 writes for a status; nullptr for one we never send.
inline const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return nullptr;
  }
}

}  // namespace hw::http

#include "http/wire/simple_get.h"

#include <algorithm>

#include "http/header_text.h"

namespace hw::http {
namespace {

bool LessIgnoringCase(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return AsciiLower(x) < AsciiLower(y); });
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Letters, digits, "-._~" and "/": nothing cpp-httplib would decode or split off.
bool IsPlainPathChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

// Visible ASCII, space and tab, but no '%' (cpp-httplib percent-decodes header values).
bool IsPlainValueChar(char c) { return c == '\t' || (c >= ' ' && c <= '~' && c != '%'); }

// The headers this path reads; each may appear once, else cpp-httplib decides.
struct ReadHeader {
  std::string_view name;
  std::string HttpRequest::*field;  // nullptr: Connection
};
constexpr ReadHeader kReadHeaders[] = {
    {"accept-encoding", &HttpRequest::accept_encoding}, {"if-none-match", &HttpRequest::if_none_match},
    {"content-type", &HttpRequest::content_type},       {"cookie", &HttpRequest::cookie},
    {"x-csrf-token", &HttpRequest::csrf_token},         {"connection", nullptr},
};
// Headers that change what a request means beyond a plain read: cpp-httplib and its guard
// handle them (411, 415, 100 Continue, bodies; a Range it cannot parse is a 416 there).
constexpr std::string_view kHandOver[] = {"transfer-encoding", "content-encoding", "content-length", "expect",
                                          "range"};

bool ParseRequestLine(std::string_view line, SimpleGet* out, bool* http10, const SimpleGetLimits& limits) {
  std::string_view method;
  if (line.rfind("GET ", 0) == 0) method = "GET";
  else if (line.rfind("HEAD ", 0) == 0) method = "HEAD";
  else return false;
  line.remove_prefix(method.size() + 1);
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view target = line.substr(0, space);
  const std::string_view version = line.substr(space + 1);
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return false;
  if (target.empty() || target.size() > limits.max_target || target.front() != '/') return false;
  if (!std::all_of(target.begin(), target.end(), IsPlainPathChar)) return false;
  out->request.method = std::string(method);
  out->request.path = std::string(target);
  *http10 = version == "HTTP/1.0";
  return true;
}

}  // namespace

std::optional<SimpleGet> ParseSimpleGet(std::string_view head, const SimpleGetLimits& limits) {
  // One request head and nothing after it; every line ends in CR LF.
  if (head.size() < 4 || head.substr(head.size() - 4) != "\r\n\r\n") return std::nullopt;
  SimpleGet parsed;
  bool http10 = false;
  size_t line_end = head.find("\r\n");
  if (!ParseRequestLine(head.substr(0, line_end), &parsed, &http10, limits)) return std::nullopt;

  std::string_view connection;
  bool seen[std::size(kReadHeaders)] = {};
  size_t count = 0, bytes = 0;
  for (size_t start = line_end + 2; start < head.size() - 2; start = line_end + 2) {
    line_end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, line_end - start);
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) return std::nullopt;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const std::string_view name = line.substr(0, colon);
    std::string_view value = line.substr(colon + 1);
    if (!std::all_of(name.begin(), name.end(), IsTokenChar)) return std::nullopt;
    if (!std::all_of(value.begin(), value.end(), IsPlainValueChar)) return std::nullopt;
    while (!value.empty() && IsSpaceOrTab(value.front())) value.remove_prefix(1);
    while (!value.empty() && IsSpaceOrTab(value.back())) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;  // cpp-httplib drops such a header; let it
    for (std::string_view other : kHandOver)
      if (EqualsIgnoringCase(name, other)) return std::nullopt;
    for (size_t i = 0; i < std::size(kReadHeaders); ++i) {
      if (!EqualsIgnoringCase(name, kReadHeaders[i].name)) continue;
      if (seen[i]) return std::nullopt;
      seen[i] = true;
      if (kReadHeaders[i].field) parsed.request.*kReadHeaders[i].field = std::string(value);
      else connection = value;
    }
    ++count;
    bytes += name.size() + value.size() + 4;
  }
  if (count > limits.max_header_count || bytes > limits.max_header_bytes) return std::nullopt;
  // cpp-httplib compares these exactly, case included.
  parsed.connection_close_header = connection == "close";
  parsed.client_closes = parsed.connection_close_header || (http10 && connection != "Keep-Alive");
  return parsed;
}

namespace {

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

std::optional<std::string> SerializeResponse(const HttpResponse& response, const HeaderList& defaults, bool head,
                                             bool close, std::string_view keep_alive) {
  const char* reason = ReasonPhrase(response.status);
  if (!reason) return std::nullopt;
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  headers.reserve(defaults.size() + response.headers.size() + 4);
  for (const auto& [name, value] : defaults) {
    const bool replaced = std::any_of(response.headers.begin(), response.headers.end(),
                                      [&name = name](const auto& set) { return EqualsIgnoringCase(set.first, name); });
    if (!replaced) headers.emplace_back(name, value);
  }
  for (const auto& [name, value] : response.headers)
    if (!HasLineBreak(name) && !HasLineBreak(value)) headers.emplace_back(name, value);  // as set_header drops them
  // A body goes out only with a content type (http_server.cpp's WriteResponse).
  const std::string_view body = response.content_type.empty() ? std::string_view() : response.body();
  if (!response.content_type.empty()) headers.emplace_back("Content-Type", response.content_type);
  if (close) headers.emplace_back("Connection", "close");
  else headers.emplace_back("Keep-Alive", keep_alive);
  const std::string length = std::to_string(body.size());
  headers.emplace_back("Content-Length", length);
  if (head) headers.emplace_back("Accept-Ranges", "bytes");
  std::stable_sort(headers.begin(), headers.end(),
                   [](const auto& a, const auto& b) { return LessIgnoringCase(a.first, b.first); });

  std::string text;
  size_t size = 32 + (head ? 0 : body.size());
  for (const auto& [name, value] : headers) size += name.size() + value.size() + 4;
  text.reserve(size);
  text.append("HTTP/1.1 ").append(std::to_string(response.status)).append(" ").append(reason).append("\r\n");
  for (const auto& [name, value] : headers) text.append(name).append(": ").append(value).append("\r\n");
  text.append("\r\n");
  if (!head) text.append(body);
  return text;
}

}  // namespace hw::http

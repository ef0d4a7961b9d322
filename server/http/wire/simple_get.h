// The fast path for the requests residents send most: GET or HEAD of a plain path with
// ordinary headers, read here without cpp-httplib. Its per-request work (a case-insensitive
// multimap of headers, a regular expression per route, printf-formatted output) held the
// server to about 60% of nginx's throughput on the same bytes.
//
// Deliberately narrow: anything the least unusual (a query, a percent sign, a body header,
// a repeated header we read, a bare LF, more headers than the guard allows) gives nullopt,
// and the request goes to cpp-httplib and its guards as before. What is accepted is read as
// cpp-httplib 0.11.4 reads it, and tests/integration/test_fast_path.py compares the two
// answers byte for byte. Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/exchange.h"

namespace hw::http {

struct SimpleGet {
  // method, path, accept_encoding, if_none_match, content_type, cookie, csrf_token.
  // client_bucket stays empty: no read route has a rate limit.
  HttpRequest request;
  bool connection_close_header = false;  // "Connection: close" exactly (answer says close)
  bool client_closes = false;            // that, or HTTP/1.0 without "Connection: Keep-Alive"
};

struct SimpleGetLimits {
  size_t max_target = 2048;
  size_t max_header_count = 64;
  size_t max_header_bytes = 16 * 1024;  // names and values, 4 bytes more each, as the guard counts
};

// `head` is exactly one framed request (request_framer.h).
std::optional<SimpleGet> ParseSimpleGet(std::string_view head, const SimpleGetLimits& limits);

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The answer's bytes as cpp-httplib 0.11.4 writes them for the same response: status line,
// headers sorted by name without regard to case (defaults the route does not replace, the
// route's, Content-Type, Content-Length, Keep-Alive or Connection: close, and Accept-Ranges
// for HEAD), then the body unless `head`. nullopt for a status it has no reason phrase for.
std::optional<std::string> SerializeResponse(const HttpResponse& response, const HeaderList& defaults, bool head,
                                             bool close, std::string_view keep_alive);

}  // namespace hw::http

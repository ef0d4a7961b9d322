// The request and response as our routes see them: only the fields they need, so route
// code never touches cpp-httplib (7 s per translation unit, and a type with known
// weaknesses). http_server.cpp converts at the edge. Plain values.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hw::http {

struct HttpRequest {
  std::string method;           // "GET", "HEAD", "POST", ...
  std::string path;             // decoded path without the query
  std::map<std::string, std::string> query;  // decoded query parameters (first value of each)
  std::string accept_encoding;  // used only to choose a precomputed variant
  std::string if_none_match;
  std::string content_type;
  std::string cookie;          // the Cookie header, parsed only for our session cookie
  std::string csrf_token;      // X-CSRF-Token
  std::string client_bucket;   // keyed hash of the address for rate limits; never the address
  std::string client_bucket_56;  // likewise of an IPv6 client's /56 and /48; empty for IPv4
  std::string client_bucket_48;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  // Either `owned_body`, or a view into memory kept alive by `keep_alive`.
  std::string owned_body;
  std::string_view body_view;
  std::shared_ptr<const void> keep_alive;
  // Send it only this much later (a failed login's delay). The connection loop holds the
  // answer on its timer; no thread waits. Only for requests answered on a worker lane.
  std::chrono::milliseconds answer_after{0};

  std::string_view body() const { return owned_body.empty() ? body_view : std::string_view(owned_body); }
  void SetHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

}  // namespace hw::http

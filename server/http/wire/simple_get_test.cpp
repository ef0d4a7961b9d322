#include "http/wire/simple_get.h"

#include <catch2/catch.hpp>
#include <string>

namespace hw::http {
namespace {

const SimpleGetLimits kLimits{};

std::optional<SimpleGet> Parse(const std::string& head) { return ParseSimpleGet(head, kLimits); }

}  // namespace

TEST_CASE("a plain GET or HEAD is read on the fast path", "[simple_get]") {
  const auto get = Parse("GET /assets/app.3f2a.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding:  gzip, br \r\n"
                         "If-None-Match: \"abc\"\r\nCookie: a=b\r\n\r\n");
  REQUIRE(get);
  CHECK(get->request.method == "GET");
  CHECK(get->request.path == "/assets/app.3f2a.js");
  CHECK(get->request.accept_encoding == "gzip, br");
  CHECK(get->request.if_none_match == "\"abc\"");
  CHECK(get->request.cookie == "a=b");
  CHECK(get->request.client_bucket.empty());
  CHECK_FALSE(get->client_closes);
  const auto head = Parse("HEAD / HTTP/1.1\r\n\r\n");
  REQUIRE(head);
  CHECK(head->request.method == "HEAD");
}

TEST_CASE("the fast path reads Connection as cpp-httplib does", "[simple_get]") {
  CHECK(Parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")->client_closes);
  CHECK(Parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")->connection_close_header);
  CHECK_FALSE(Parse("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n")->client_closes);  // exact match there
  CHECK(Parse("GET / HTTP/1.0\r\n\r\n")->client_closes);
  CHECK_FALSE(Parse("GET / HTTP/1.0\r\n\r\n")->connection_close_header);
  CHECK_FALSE(Parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")->client_closes);
}

TEST_CASE("anything unusual goes to cpp-httplib", "[simple_get]") {
  const char* unusual[] = {
      "POST / HTTP/1.1\r\n\r\n",
      "get / HTTP/1.1\r\n\r\n",
      "GET /?a=1 HTTP/1.1\r\n\r\n",
      "GET /a%20b HTTP/1.1\r\n\r\n",
      "GET /a+b HTTP/1.1\r\n\r\n",
      "GET http://x/ HTTP/1.1\r\n\r\n",
      "GET  / HTTP/1.1\r\n\r\n",
      "GET / HTTP/2.0\r\n\r\n",
      "GET / HTTP/1.1 \r\n\r\n",
      "GET / HTTP/1.1\r\nX-A: 100%\r\n\r\n",
      "GET / HTTP/1.1\r\nX-A: caf\xc3\xa9\r\n\r\n",
      "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n",
      "GET / HTTP/1.1\r\nX-A: a\nX-B: b\r\n\r\n",
      "GET / HTTP/1.1\r\n X-A: folded\r\n\r\n",
      "GET / HTTP/1.1\r\nX A: b\r\n\r\n",
      "GET / HTTP/1.1\r\n: b\r\n\r\n",
      "GET / HTTP/1.1\r\nX-Empty:\r\n\r\n",
      "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
      "GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
      "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
      "GET / HTTP/1.1\r\ncontent-encoding: gzip\r\n\r\n",
      "GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
      "GET / HTTP/1.1\r\nRange: bytes=0-1\r\n\r\n",
      "GET / HTTP/1.1\r\nAccept-Encoding: br\r\naccept-encoding: gzip\r\n\r\n",
      "GET / HTTP/1.1\r\nConnection: close\r\nConnection: keep-alive\r\n\r\n",
      "GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\n",
  };
  for (const char* head : unusual) {
    INFO(head);
    CHECK_FALSE(Parse(head));
  }
  CHECK_FALSE(Parse("GET /" + std::string(kLimits.max_target, 'a') + " HTTP/1.1\r\n\r\n"));
  std::string many = "GET / HTTP/1.1\r\n";
  for (size_t i = 0; i <= kLimits.max_header_count; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  CHECK_FALSE(Parse(many + "\r\n"));
  CHECK_FALSE(Parse("GET / HTTP/1.1\r\nX-Big: " + std::string(kLimits.max_header_bytes, 'a') + "\r\n\r\n"));
}

TEST_CASE("answers are written as cpp-httplib writes them", "[simple_get]") {
  const HeaderList defaults = {{"X-Frame-Options", "DENY"}, {"Content-Security-Policy", "default-src 'self'"}};
  HttpResponse response;
  response.content_type = "application/json";
  response.owned_body = "{}";
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("Content-Security-Policy", "default-src 'none'");  // replaces the default
  response.SetHeader("X-Evil", "a\r\nSet-Cookie: x=1");                // dropped, as set_header does
  CHECK(*SerializeResponse(response, defaults, false, false, "timeout=5, max=1000") ==
        "HTTP/1.1 200 OK\r\n"
        "Cache-Control: no-store\r\n"
        "Content-Length: 2\r\n"
        "Content-Security-Policy: default-src 'none'\r\n"
        "Content-Type: application/json\r\n"
        "Keep-Alive: timeout=5, max=1000\r\n"
        "X-Frame-Options: DENY\r\n"
        "\r\n{}");
  CHECK(*SerializeResponse(response, defaults, true, true, "timeout=5, max=1000") ==
        "HTTP/1.1 200 OK\r\n"
        "Accept-Ranges: bytes\r\n"
        "Cache-Control: no-store\r\n"
        "Connection: close\r\n"
        "Content-Length: 2\r\n"
        "Content-Security-Policy: default-src 'none'\r\n"
        "Content-Type: application/json\r\n"
        "X-Frame-Options: DENY\r\n"
        "\r\n");
  HttpResponse not_modified;
  not_modified.status = 304;
  CHECK(SerializeResponse(not_modified, {}, false, false, "k")->rfind("HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\n", 0) == 0);
  HttpResponse teapot;
  teapot.status = 418;
  CHECK_FALSE(SerializeResponse(teapot, {}, false, false, "k"));
}

}  // namespace hw::http

#include "http/wire/request_framer.h"

#include <catch2/catch.hpp>
#include <string>

namespace hw::http {
namespace {

const FramingLimits kLimits{};  // 20 KiB head, 64 KiB body

Framing Frame(const std::string& bytes) { return FrameRequest(bytes, kLimits); }

}  // namespace

TEST_CASE("a request without a body ends at the empty line", "[framer]") {
  const std::string one = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string buffered = one + "GET /b HTTP/1.1\r\n";  // a pipelined second one
  const Framing framing = Frame(buffered);  // its views point into `buffered`
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == one.size());
  CHECK_FALSE(framing.close_after);
  CHECK(framing.method == "GET");
  CHECK(framing.target == "/a");
  CHECK(Frame("GET / HTTP/1.1\r\n\r\n").length == 18);
}

TEST_CASE("an unfinished head waits for more bytes, however it is cut", "[framer]") {
  const std::string whole = "POST /api/v1/contact-requests HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd";
  for (size_t cut = 0; cut < whole.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(Frame(whole.substr(0, cut)).state == Framing::State::kIncomplete);
  }
  const Framing framing = Frame(whole);
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == whole.size());
  CHECK(framing.method == "POST");
}

TEST_CASE("Content-Length is matched without regard to case and spaces around the value", "[framer]") {
  const std::string head = "PUT /x HTTP/1.1\r\ncOnTeNt-LeNgTh: \t 3 \t\r\n\r\n";
  CHECK(Frame(head + "ab").state == Framing::State::kIncomplete);
  const Framing framing = Frame(head + "abcNEXT");
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == head.size() + 3);
}

TEST_CASE("a Content-Length that could be read two ways is refused", "[framer]") {
  for (const char* value : {"%35", "+5", "5 6", "0x10", "-1", "5;", ""}) {
    INFO(value);
    const Framing framing = Frame(std::string("POST /x HTTP/1.1\r\nContent-Length: ") + value + "\r\n\r\nhello");
    CHECK(framing.state == Framing::State::kRefuse);
    CHECK(framing.refuse_status == 400);
  }
  const Framing twice = Frame("POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
  CHECK(twice.state == Framing::State::kRefuse);
  const Framing same = Frame("POST /x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");
  CHECK(same.state == Framing::State::kComplete);
}

TEST_CASE("a header line without CR is ignored, as cpp-httplib ignores it", "[framer]") {
  // cpp-httplib skips this line, so its Content-Length must not frame a body here either.
  const std::string head = "POST /x HTTP/1.1\r\nContent-Length: 5\n\r\n";
  const Framing framing = Frame(head + "hello");
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == head.size());
  // A name with a space before the colon is another header for cpp-httplib.
  const std::string spaced = "POST /x HTTP/1.1\r\nContent-Length : 5\r\n\r\n";
  CHECK(Frame(spaced + "hello").length == spaced.size());
}

TEST_CASE("a body larger than allowed is not waited for, and the connection closes after the answer", "[framer]") {
  const std::string head = "POST /x HTTP/1.1\r\nContent-Length: 65537\r\n\r\n";
  const Framing framing = Frame(head);
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == head.size());
  CHECK(framing.close_after);
  const Framing huge = Frame("POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n\r\n");
  CHECK(huge.state == Framing::State::kComplete);
  CHECK(huge.close_after);
  const std::string at_limit = "POST /x HTTP/1.1\r\nContent-Length: 65536\r\n\r\n";
  CHECK(Frame(at_limit + std::string(65536, 'a')).length == at_limit.size() + 65536);
}

TEST_CASE("Transfer-Encoding frames the head only and closes the connection", "[framer]") {
  const std::string head = "POST /x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
  const Framing framing = Frame(head + "3\r\nabc\r\n0\r\n\r\n");
  REQUIRE(framing.state == Framing::State::kComplete);
  CHECK(framing.length == head.size());
  CHECK(framing.close_after);
}

TEST_CASE("Expect: 100-continue is reported while the body is outstanding", "[framer]") {
  const std::string head = "POST /x HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n";
  const Framing waiting = Frame(head);
  CHECK(waiting.state == Framing::State::kIncomplete);
  CHECK(waiting.expects_continue);
  CHECK(Frame(head + "ok").state == Framing::State::kComplete);
  CHECK_FALSE(Frame("POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n").expects_continue);
}

TEST_CASE("heads over the limit and empty request lines are refused", "[framer]") {
  CHECK(Frame("\r\nGET / HTTP/1.1\r\n\r\n").refuse_status == 400);
  CHECK(Frame("\nGET / HTTP/1.1\r\n\r\n").refuse_status == 400);
  CHECK(Frame("GET /" + std::string(kLimits.max_head, 'a')).refuse_status == 414);
  const std::string many = "GET / HTTP/1.1\r\n" + std::string(kLimits.max_head, 'h');
  CHECK(Frame(many).refuse_status == 431);
  // A complete head that is too long is refused too, not only one still arriving.
  std::string headers;
  while (headers.size() <= kLimits.max_head) headers += "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
  CHECK(Frame("GET / HTTP/1.1\r\n" + headers + "\r\n").refuse_status == 431);
  // Just under the limit is fine.
  std::string fits = "GET / HTTP/1.1\r\n";
  while (fits.size() + 40 < kLimits.max_head) fits += "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
  CHECK(Frame(fits + "\r\n").state == Framing::State::kComplete);
}

}  // namespace hw::http

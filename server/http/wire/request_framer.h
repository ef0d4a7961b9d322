// Finds where one HTTP/1.1 request ends in the bytes a connection has sent so far, without
// interpreting more than that: the head ends at the first empty line, the body is exactly
// Content-Length bytes. The event loops (connection_loop.h) use it to hand cpp-httplib only
// whole requests, so no thread ever waits for a client's next byte.
//
// cpp-httplib still parses and validates every request, but it sees only the bytes framed
// here, so the two can never disagree about where the next request starts (no request
// smuggling): where they might read a header differently (a Content-Length that is not
// plain digits, two different ones), the request is refused here. Pure function; any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace hw::http {

struct FramingLimits {
  size_t max_head = 20 * 1024;  // request line and headers, with their line ends
  size_t max_body = 64 * 1024;  // larger bodies are not read: httplib answers 413
};

struct Framing {
  enum class State {
    kIncomplete,  // wait for more bytes
    kComplete,    // `length` bytes form one request
    kRefuse,      // answer `refuse_status` and close the connection
  };
  State state = State::kIncomplete;
  size_t length = 0;
  // kComplete: the body was not framed (larger than allowed, or Transfer-Encoding, which
  // the server refuses); the bytes after the head are unknown, so the connection must close
  // after the answer.
  bool close_after = false;
  // kIncomplete: the head is complete and asks for "100 Continue" before the body.
  bool expects_continue = false;
  int refuse_status = 0;  // kRefuse: 400, 414 or 431
  // Views into the buffer once the request line is complete (kIncomplete with a complete
  // head, and kComplete); empty otherwise.
  std::string_view method;
  std::string_view target;
};

Framing FrameRequest(std::string_view buffered, const FramingLimits& limits);

}  // namespace hw::http

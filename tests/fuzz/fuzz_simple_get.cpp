// libFuzzer target: hw::http::ParseSimpleGet, the fast path's own request parser
// (server/http/wire/simple_get.h). Input: one request head. Checked properties: what it accepts
// is a GET or HEAD of a plain path within the limits; the framer sees the input as exactly
// one whole request (so the fast path never reads past a request's end); and the parsed
// values never hold a line break, which would let them reach a response or a log.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/wire/request_framer.h"
#include "http/wire/simple_get.h"

using hw::http::FrameRequest;
using hw::http::Framing;
using hw::http::ParseSimpleGet;
using hw::http::SimpleGetLimits;

namespace {

bool HasLineBreak(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const SimpleGetLimits limits{64, 8, 256};
  const std::string head(reinterpret_cast<const char*>(data), size);
  const auto parsed = ParseSimpleGet(head, limits);
  if (!parsed) return 0;
  const auto& request = parsed->request;
  if (request.method != "GET" && request.method != "HEAD") __builtin_trap();
  if (request.path.empty() || request.path[0] != '/' || request.path.size() > limits.max_target) __builtin_trap();
  if (request.path.find_first_of("%?#+ ") != std::string::npos) __builtin_trap();
  for (const std::string* value : {&request.accept_encoding, &request.if_none_match, &request.content_type,
                                   &request.cookie, &request.csrf_token})
    if (HasLineBreak(*value) || value->find('%') != std::string::npos) __builtin_trap();
  const Framing framing = FrameRequest(head, {1024 * 1024, 1024});
  if (framing.state != Framing::State::kComplete || framing.length != head.size() || framing.close_after)
    __builtin_trap();
  return 0;
}

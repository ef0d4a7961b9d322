// libFuzzer target: hw::http::FrameRequest, which decides where one request ends in the
// bytes a client sent (server/http/wire/request_framer.h). Input: the bytes as they arrived.
// Checked properties:
// - a complete request never claims more bytes than there are, and its views point into them;
// - framing is stable: the same request framed alone, or followed by more bytes, or cut
//   anywhere before its end, gives the same answer (a client that splits its writes
//   differently must not get another framing: that would be request smuggling);
// - a head over the limit is never reported as complete.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/wire/request_framer.h"

using hw::http::FrameRequest;
using hw::http::Framing;
using hw::http::FramingLimits;

namespace {

bool Within(std::string_view part, std::string_view whole) {
  return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Small limits, so that the fuzzer reaches them with short inputs.
  const FramingLimits limits{256, 512};
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Framing framing = FrameRequest(bytes, limits);
  if (!Within(framing.method, bytes) || !Within(framing.target, bytes)) __builtin_trap();
  if (framing.state == Framing::State::kRefuse &&
      framing.refuse_status != 400 && framing.refuse_status != 414 && framing.refuse_status != 431)
    __builtin_trap();
  if (framing.state != Framing::State::kComplete) return 0;
  if (framing.length == 0 || framing.length > bytes.size()) __builtin_trap();

  const std::string alone = bytes.substr(0, framing.length);
  const Framing again = FrameRequest(alone, limits);
  if (again.state != Framing::State::kComplete || again.length != framing.length ||
      again.close_after != framing.close_after)
    __builtin_trap();
  const Framing followed = FrameRequest(alone + "GET / HTTP/1.1\r\n\r\n", limits);
  if (followed.state != Framing::State::kComplete || followed.length != framing.length) __builtin_trap();
  // Cut before the end: never complete, and never refused for a reason the whole lacks.
  for (size_t cut = 0; cut < framing.length; cut += 1 + framing.length / 64) {
    const Framing partial = FrameRequest(alone.substr(0, cut), limits);
    if (partial.state == Framing::State::kComplete) __builtin_trap();
    if (partial.state == Framing::State::kRefuse) __builtin_trap();
  }
  const size_t head_end = bytes.find("\n\r\n");
  if (head_end == std::string::npos || head_end + 3 > limits.max_head) __builtin_trap();
  return 0;
}

// libFuzzer target: Accept-Encoding and If-None-Match header values
// (hw::http::ChooseEncoding, hw::http::IfNoneMatchMatches). Input: one flag byte (which
// precomputed variants exist), then the header value; the same text is tried as
// If-None-Match against the ETags the server sends. Checked properties: never choose a
// variant that does not exist; "*" and the exact ETag always match; a list that does not
// contain the ETag's opaque text never matches.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/content_negotiation.h"

using hw::http::ChooseEncoding;
using hw::http::Encoding;
using hw::http::IfNoneMatchMatches;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool have_gzip = data[0] & 1;
  const bool have_brotli = data[0] & 2;
  const std::string_view header(reinterpret_cast<const char*>(data + 1), size - 1);

  const Encoding chosen = ChooseEncoding(header, have_gzip, have_brotli);
  if (chosen == Encoding::kGzip && !have_gzip) __builtin_trap();
  if (chosen == Encoding::kBrotli && !have_brotli) __builtin_trap();
  // Without an Accept-Encoding value there is nothing to choose but identity.
  if (header.empty() && chosen != Encoding::kIdentity) __builtin_trap();

  static constexpr std::string_view kEtags[] = {"\"d1b77a09f286a11c4a1b96eb09cfcbcf\"",
                                                "\"7c36671fcd79812d1bb5c7d49553c7b6-br\"",
                                                "\"7c36671fcd79812d1bb5c7d49553c7b6-gz\""};
  for (std::string_view etag : kEtags) {
    const bool match = IfNoneMatchMatches(header, etag);
    if (match && header.find(etag) == std::string_view::npos && header.find('*') == std::string_view::npos)
      __builtin_trap();  // matched something that is not there
    if (!IfNoneMatchMatches(etag, etag) || !IfNoneMatchMatches("*", etag)) __builtin_trap();
  }
  (void)IfNoneMatchMatches(header, header);
  return 0;
}

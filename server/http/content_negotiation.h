// Choosing a precomputed representation (brotli, gzip, identity) from Accept-Encoding,
// and matching If-None-Match against an ETag. Pure functions of header text, so they are
// unit-tested and fuzzed on their own; they never reflect header values anywhere.
#pragma once

#include <string_view>

namespace hw::http {

enum class Encoding { kIdentity, kGzip, kBrotli };

// RFC 9110 q-values: the acceptable encoding with the highest q among those available;
// brotli before gzip before identity on equal q. Identity is always acceptable unless the
// client refuses it explicitly ("identity;q=0", or "*;q=0" without naming identity), and
// even then it is used when nothing else is available (we never answer 406).
Encoding ChooseEncoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli);

// True when If-None-Match lists this ETag (weak comparison, as RFC 9110 requires for
// If-None-Match) or is "*". `etag` is the quoted strong ETag we send.
bool IfNoneMatchMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace hw::http

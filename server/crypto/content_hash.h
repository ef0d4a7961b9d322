// Content hashes for cache validation and the Content-Security-Policy. Not for secrets.
// Stateless and thread-safe; sodium_init() is called on first use.
#pragma once

#include <string>
#include <string_view>

namespace hw::crypto {

// BLAKE2b-128 of the input, as 32 lowercase hex digits: ETags and hashed file names.
std::string ContentHashHex(std::string_view input);

// SHA-256 of the input, base64 (standard alphabet, padded): CSP 'sha256-...' sources.
std::string Sha256Base64(std::string_view input);

}  // namespace hw::crypto

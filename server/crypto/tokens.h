// Random identifiers and secrets, their hashes, and constant-time comparison.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crypto/secure_buffer.h"

namespace hw::crypto {

// 32 random bytes, URL-safe base64 without padding (43 characters): session tokens.
std::string RandomToken();
// 16 random bytes as a UUID v4 string: request ids.
std::string RandomUuid();
// BLAKE2b-256 of the input as hex: what is stored or indexed instead of a token.
std::string TokenHash(std::string_view token);
// A 32-byte key for `context` derived from a high-entropy token (keyed BLAKE2b).
SecureBuffer DeriveSubkey(std::string_view token, std::string_view context);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Recovery keys: 32 random bytes shown as 16 groups of 4 hex digits.
std::string FormatRecoveryKey(const SecureBuffer& key);
// Accepts the printed form with any spacing, dashes and case; empty on a malformed key.
SecureBuffer ParseRecoveryKey(std::string_view text);

}  // namespace hw::crypto

namespace hw::crypto {
// Overwrites the bytes of a string that held key material (sodium_memzero) and clears it.
void WipeString(std::string& bytes);
}  // namespace hw::crypto

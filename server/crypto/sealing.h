// Anonymous public-key encryption (X25519 sealed boxes) for contact requests, notes and
// grants. SealPadded pads to 256-byte blocks first, so the length of a stored request
// says almost nothing about its content. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crypto/secure_buffer.h"
#include "util/status.h"

namespace hw::crypto {

constexpr size_t kPaddingBlock = 256;

struct KeyPair {
  std::string public_key;   // 32 bytes
  SecureBuffer secret_key;  // 32 bytes, locked memory
};

KeyPair GenerateKeyPair();
// The public key belonging to a secret key (to check a recovered or unwrapped secret).
std::string PublicKeyOf(const SecureBuffer& secret_key);

std::string Seal(std::string_view plaintext, std::string_view public_key);
std::string SealPadded(std::string_view plaintext, std::string_view public_key);
// Fail with kCorruption when the ciphertext was tampered with or the key is wrong.
Result<SecureBuffer> Open(std::string_view ciphertext, const KeyPair& keys);
Result<SecureBuffer> OpenPadded(std::string_view ciphertext, const KeyPair& keys);

}  // namespace hw::crypto

// Symmetric wrapping of secrets (XChaCha20-Poly1305-IETF, random 24-byte nonce) with
// associated data binding the wrapped secret to its purpose and owner, so a wrapped key
// copied to another row fails to unwrap. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "crypto/secure_buffer.h"
#include "util/status.h"

namespace hw::crypto {

constexpr size_t kWrapKeyBytes = 32;

SecureBuffer RandomKey();
// nonce || ciphertext || tag
std::string Wrap(std::string_view secret, const SecureBuffer& key, std::string_view associated_data);
Result<SecureBuffer> Unwrap(std::string_view wrapped, const SecureBuffer& key, std::string_view associated_data);

}  // namespace hw::crypto

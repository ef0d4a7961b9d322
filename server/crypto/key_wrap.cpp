#include "crypto/key_wrap.h"

#include <sodium.h>

#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
const unsigned char* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

SecureBuffer RandomKey() {
  EnsureSodium();
  SecureBuffer key(kWrapKeyBytes);
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string Wrap(std::string_view secret, const SecureBuffer& key, std::string_view associated_data) {
  EnsureSodium();
  if (key.size() != kWrapKeyBytes) return {};
  std::string wrapped(kNonce + secret.size() + kTag, '\0');
  auto* out = reinterpret_cast<unsigned char*>(wrapped.data());
  randombytes_buf(out, kNonce);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonce, &length, Bytes(secret), secret.size(), Bytes(associated_data),
                                             associated_data.size(), nullptr, out, key.data());
  return wrapped;
}

Result<SecureBuffer> Unwrap(std::string_view wrapped, const SecureBuffer& key, std::string_view associated_data) {
  EnsureSodium();
  if (key.size() != kWrapKeyBytes || wrapped.size() < kNonce + kTag)
    return Status::Corruption("wrapped key is malformed");
  SecureBuffer secret(wrapped.size() - kNonce - kTag);
  unsigned char scratch = 0;
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(secret.empty() ? &scratch : secret.data(), &length, nullptr,
                                                 Bytes(wrapped) + kNonce, wrapped.size() - kNonce,
                                                 Bytes(associated_data), associated_data.size(), Bytes(wrapped),
                                                 key.data()) != 0)
    return Status::Corruption("wrong key, or the wrapped key was tampered with");
  return secret;
}

}  // namespace hw::crypto

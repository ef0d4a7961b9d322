#include "crypto/tokens.h"

#include <sodium.h>

#include <cctype>

#include "crypto/sodium_init.h"

namespace hw::crypto {

std::string RandomToken() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char encoded[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return encoded;
}

std::string RandomUuid() {
  EnsureSodium();
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, b, sizeof b);
  const std::string h(hex);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

std::string TokenHash(std::string_view token) {
  EnsureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

SecureBuffer DeriveSubkey(std::string_view token, std::string_view context) {
  EnsureSodium();
  SecureBuffer key(32);
  unsigned char token_key[crypto_generichash_KEYBYTES];
  crypto_generichash(token_key, sizeof token_key, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                     token_key, sizeof token_key);
  sodium_memzero(token_key, sizeof token_key);
  return key;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string FormatRecoveryKey(const SecureBuffer& key) {
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size() < 32 ? key.size() : 32);
  std::string text;
  for (size_t i = 0; hex[i]; ++i) {
    if (i && i % 4 == 0) text += '-';
    text += static_cast<char>(std::toupper(static_cast<unsigned char>(hex[i])));
  }
  sodium_memzero(hex, sizeof hex);
  return text;
}

SecureBuffer ParseRecoveryKey(std::string_view text) {
  EnsureSodium();
  std::string hex;
  for (char c : text) {
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (c != '-' && c != ' ' && c != '\n' && c != '\r' && c != '\t') return {};
  }
  if (hex.size() != 64) return {};
  SecureBuffer key(32);
  size_t length = 0;
  if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 || length != 32)
    return {};
  sodium_memzero(hex.data(), hex.size());
  return key;
}

}  // namespace hw::crypto

namespace hw::crypto {
void WipeString(std::string& bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
}
}  // namespace hw::crypto

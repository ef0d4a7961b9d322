#include "crypto/chain_hash.h"

#include <sodium.h>

#include <cstdint>

#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

void Absorb(crypto_generichash_state& state, std::string_view bytes) {
  unsigned char length[8];
  uint64_t size = bytes.size();
  for (unsigned char& byte : length) {
    byte = static_cast<unsigned char>(size & 0xFF);
    size >>= 8;
  }
  crypto_generichash_update(&state, length, sizeof length);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

}  // namespace

std::string ChainHash(std::string_view previous, const std::vector<std::string_view>& fields) {
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kChainHashBytes);
  Absorb(state, previous);
  for (std::string_view field : fields) Absorb(state, field);
  std::string digest(kChainHashBytes, '\0');
  crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(digest.data()), digest.size());
  return digest;
}

std::string HexOf(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hex.pop_back();
  return hex;
}

}  // namespace hw::crypto

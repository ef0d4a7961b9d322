#include "crypto/derived_id.h"

#include <sodium.h>

#include <cstdint>

#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

// Changing this changes every derived id: exported documents would no longer match.
constexpr std::string_view kNamespace = "hulpwijzer derived id v1";

void AppendPart(crypto_generichash_state* state, std::string_view part) {
  unsigned char length[8];
  uint64_t n = part.size();
  for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(n >> (8 * i));
  crypto_generichash_update(state, length, sizeof length);
  crypto_generichash_update(state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
}

}  // namespace

std::string DerivedUuid(std::string_view parent_id, std::string_view name) {
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 16);
  AppendPart(&state, kNamespace);
  AppendPart(&state, parent_id);
  AppendPart(&state, name);
  unsigned char b[16];
  crypto_generichash_final(&state, b, sizeof b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x80);  // version 8
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // variant 10
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, b, sizeof b);
  const std::string h(hex);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

}  // namespace hw::crypto

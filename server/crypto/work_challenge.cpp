#include "crypto/work_challenge.h"

#include <sodium.h>

#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

constexpr size_t kIdBytes = 12;
constexpr size_t kMacBytes = 16;
constexpr size_t kRecordBytes = 1 + 8 + kIdBytes;  // bits, expiry (big-endian), id
constexpr size_t kChallengeBytes = kRecordBytes + kMacBytes;

void Mac(const unsigned char* record, std::string_view organization, const unsigned char* key, unsigned char* mac) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key, 32, kMacBytes);
  crypto_generichash_update(&state, record, kRecordBytes);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(organization.data()), organization.size());
  crypto_generichash_final(&state, mac, kMacBytes);
}

std::string Hex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

WorkChallengeSigner::WorkChallengeSigner() {
  EnsureSodium();
  randombytes_buf(key_, sizeof key_);
}

WorkChallengeSigner::~WorkChallengeSigner() { sodium_memzero(key_, sizeof key_); }

std::string WorkChallengeSigner::Issue(std::string_view organization, int bits, int64_t expires_at) const {
  unsigned char challenge[kChallengeBytes];
  challenge[0] = static_cast<unsigned char>(bits);
  for (int i = 0; i < 8; ++i) challenge[1 + i] = static_cast<unsigned char>(static_cast<uint64_t>(expires_at) >> (56 - 8 * i));
  randombytes_buf(challenge + 9, kIdBytes);
  Mac(challenge, organization, key_, challenge + kRecordBytes);
  return Hex(challenge, sizeof challenge);
}

std::optional<WorkChallenge> WorkChallengeSigner::Open(std::string_view text, std::string_view organization) const {
  if (text.size() != kChallengeBytes * 2) return std::nullopt;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  unsigned char challenge[kChallengeBytes];
  size_t length = 0;
  if (sodium_hex2bin(challenge, sizeof challenge, text.data(), text.size(), nullptr, &length, nullptr) != 0 ||
      length != sizeof challenge)
    return std::nullopt;
  unsigned char expected[kMacBytes];
  Mac(challenge, organization, key_, expected);
  if (sodium_memcmp(expected, challenge + kRecordBytes, kMacBytes) != 0) return std::nullopt;
  WorkChallenge record;
  record.bits = challenge[0];
  uint64_t expires = 0;
  for (int i = 0; i < 8; ++i) expires = (expires << 8) | challenge[1 + i];
  record.expires_at = static_cast<int64_t>(expires);
  record.id = Hex(challenge + 9, kIdBytes);
  return record;
}

int WorkZeroBits(std::string_view challenge, std::string_view nonce) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(challenge.data()), challenge.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(":"), 1);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(nonce.data()), nonce.size());
  crypto_hash_sha256_final(&state, digest);
  int bits = 0;
  for (unsigned char byte : digest) {
    if (byte == 0) {
      bits += 8;
      continue;
    }
    for (unsigned char mask = 0x80; (byte & mask) == 0; mask >>= 1) ++bits;
    break;
  }
  return bits;
}

}  // namespace hw::crypto

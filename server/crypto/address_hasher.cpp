#include "crypto/address_hasher.h"

#include <sodium.h>

#include "crypto/sodium_init.h"
#include "util/client_network.h"

namespace hw::crypto {

AddressHasher::AddressHasher(std::chrono::seconds rotation) : rotation_(rotation) {
  EnsureSodium();
  randombytes_buf(key_, sizeof key_);
  rotated_at_ = std::chrono::steady_clock::now();
}

void AddressHasher::RotateIfDue() {
  const auto now = std::chrono::steady_clock::now();
  if (now - rotated_at_ < rotation_) return;
  randombytes_buf(key_, sizeof key_);
  rotated_at_ = now;
}

std::string AddressHasher::Bucket(std::string_view address) { return Hash(ClientNetwork(address)); }

std::string AddressHasher::WiderBucket(std::string_view address, int prefix) {
  const std::string network = WiderClientNetwork(address, prefix);
  return network.empty() ? "" : Hash(network);
}

std::string AddressHasher::Hash(const std::string& network) {
  unsigned char digest[8];
  {
    std::lock_guard<std::mutex> lock(mutex_);
    RotateIfDue();
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(network.data()), network.size(),
                       key_, sizeof key_);
  }
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace hw::crypto

// Turns a client address into a rate-limit bucket without keeping the address: a keyed
// BLAKE2b whose key lives only in memory and is replaced every `rotation_seconds`, so a
// bucket cannot be linked to an address by anyone holding a dump of the counters, nor
// across rotations. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace hw::crypto {

class AddressHasher {
 public:
  explicit AddressHasher(std::chrono::seconds rotation = std::chrono::hours(1));
  // 16 hex digits; the same client network (util/client_network.h: an IPv4 address, an
  // IPv6 /64) gives the same bucket until the key rotates.
  std::string Bucket(std::string_view address);
  // The bucket of the IPv6 /56 or /48 (`prefix`) the address sits in
  // (util/client_network.h: WiderClientNetwork); empty for IPv4.
  std::string WiderBucket(std::string_view address, int prefix);

 private:
  std::string Hash(const std::string& network);
  void RotateIfDue();
  std::mutex mutex_;
  std::chrono::seconds rotation_;
  std::chrono::steady_clock::time_point rotated_at_;
  unsigned char key_[32];
};

}  // namespace hw::crypto

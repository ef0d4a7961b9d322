#include "crypto/password_kdf.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <utility>

#include "crypto/key_wrap.h"
#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

constexpr int kMaxConcurrentDerivations = 2;

// Two slots; waiters are served by (rank, arrival).
class DerivationSlots {
 public:
  void Acquire(int64_t rank) {
    std::unique_lock<std::mutex> lock(mutex_);
    const Waiter me{rank, next_arrival_++};
    waiting_.insert(me);
    free_.wait(lock, [&] { return in_use_ < kMaxConcurrentDerivations && *waiting_.begin() == me; });
    waiting_.erase(waiting_.begin());
    ++in_use_;
    if (in_use_ < kMaxConcurrentDerivations && !waiting_.empty()) free_.notify_all();  // the next may start too
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --in_use_;
    }
    free_.notify_all();  // the first in order must wake, whichever thread that is
  }

 private:
  using Waiter = std::pair<int64_t, uint64_t>;  // rank, arrival
  std::mutex mutex_;
  std::condition_variable free_;
  std::set<Waiter> waiting_;
  uint64_t next_arrival_ = 0;
  int in_use_ = 0;
};

DerivationSlots& Slots() {
  static DerivationSlots slots;
  return slots;
}

}  // namespace

KdfParams KdfParams::Production() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::FastForTests() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::string RandomSalt() {
  EnsureSodium();
  std::string salt(crypto_pwhash_SALTBYTES, '\0');
  randombytes_buf(salt.data(), salt.size());
  return salt;
}

Result<SecureBuffer> DeriveKeyFromPassword(std::string_view password, std::string_view salt, const KdfParams& params,
                                           int64_t queue_rank) {
  EnsureSodium();
  if (salt.size() != crypto_pwhash_SALTBYTES) return Status::Corruption("password salt has the wrong size");
  if (params.ops < crypto_pwhash_OPSLIMIT_MIN || params.mem < crypto_pwhash_MEMLIMIT_MIN)
    return Status::Corruption("password hashing parameters are below the library minimum");
  SecureBuffer key(kWrapKeyBytes);
  Slots().Acquire(queue_rank);
  const int rc = crypto_pwhash(key.data(), key.size(), password.data(), password.size(),
                               reinterpret_cast<const unsigned char*>(salt.data()), params.ops,
                               static_cast<size_t>(params.mem), crypto_pwhash_ALG_ARGON2ID13);
  Slots().Release();
  if (rc != 0) return Status::Unavailable("not enough memory to check the password; try again");
  return key;
}

}  // namespace hw::crypto

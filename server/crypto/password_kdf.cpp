#include "crypto/password_kdf.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

#include "crypto/key_wrap.h"
#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

constexpr int kMaxConcurrentDerivations = 2;

class DerivationSlots {
 public:
  void Acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    free_.wait(lock, [this] { return in_use_ < kMaxConcurrentDerivations; });
    ++in_use_;
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --in_use_;
    }
    free_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable free_;
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

Result<SecureBuffer> DeriveKeyFromPassword(std::string_view password, std::string_view salt, const KdfParams& params) {
  EnsureSodium();
  if (salt.size() != crypto_pwhash_SALTBYTES) return Status::Corruption("password salt has the wrong size");
  if (params.ops < crypto_pwhash_OPSLIMIT_MIN || params.mem < crypto_pwhash_MEMLIMIT_MIN)
    return Status::Corruption("password hashing parameters are below the library minimum");
  SecureBuffer key(kWrapKeyBytes);
  Slots().Acquire();
  const int rc = crypto_pwhash(key.data(), key.size(), password.data(), password.size(),
                               reinterpret_cast<const unsigned char*>(salt.data()), params.ops,
                               static_cast<size_t>(params.mem), crypto_pwhash_ALG_ARGON2ID13);
  Slots().Release();
  if (rc != 0) return Status::Unavailable("not enough memory to check the password; try again");
  return key;
}

}  // namespace hw::crypto

#include "crypto/sodium_init.h"

#include <sodium.h>

#include <stdexcept>

namespace hw::crypto {

void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised (no random source?)");
}

}  // namespace hw::crypto

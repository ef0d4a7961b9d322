// Keys derived from passwords with Argon2id (crypto_pwhash). Parameters are stored per
// user so they can be raised later. At most two derivations run at once in the process
// (each may take 64 MiB and most of a core); further callers wait, the lowest queue rank
// first and in order of arrival among equals, so that a login from a client without
// recent failures is not queued behind a flood of guesses. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/secure_buffer.h"
#include "util/status.h"

namespace hw::crypto {

struct KdfParams {
  uint64_t ops = 0;
  uint64_t mem = 0;  // bytes
  // crypto_pwhash's INTERACTIVE setting (2 passes, 64 MiB): about 0.1 s here.
  static KdfParams Production();
  // The library minimum, for tests only (selected by HULPWIJZER_FAST_KDF_FOR_TESTS=1 in
  // the test build).
  static KdfParams FastForTests();
  // What the commands use. In the shipped binary always Production: an environment
  // variable must not be able to weaken every password hash (a stray line in a unit file,
  // an inherited environment). Only the test build (hulpwijzer-for-tests, see
  // kdf_from_environment.cpp) gives FastForTests when HULPWIJZER_FAST_KDF_FOR_TESTS=1.
  static KdfParams FromEnvironment();
  // Whether this binary honours HULPWIJZER_FAST_KDF_FOR_TESTS (reported by --version).
  static bool FastSwitchHonoured();
};

std::string RandomSalt();  // crypto_pwhash_SALTBYTES
Result<SecureBuffer> DeriveKeyFromPassword(std::string_view password, std::string_view salt, const KdfParams& params,
                                           int64_t queue_rank = 0);

}  // namespace hw::crypto

// Initialises libsodium once per process. Every crypto/ entry point calls it; it is
// thread-safe and cheap after the first call. Throws only when the system has no random
// source, which leaves nothing sensible to do.
#pragma once

namespace hw::crypto {

void EnsureSodium();

}  // namespace hw::crypto

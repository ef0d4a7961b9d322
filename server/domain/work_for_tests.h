// Test helper: does the proof of work for an issued challenge, as the resident's browser
// does (the first nonce 0, 1, 2, ... with enough zero bits).
#pragma once

#include <string>

#include "crypto/work_challenge.h"
#include "domain/proof_of_work.h"

namespace hw::domain::testing {

inline WorkProof Solve(const IssuedChallenge& issued) {
  for (long nonce = 0;; ++nonce)
    if (crypto::WorkZeroBits(issued.challenge, std::to_string(nonce)) >= issued.bits)
      return {issued.challenge, std::to_string(nonce)};
}

}  // namespace hw::domain::testing

// Proof-of-work challenges for contact requests, issued without any server state: a
// challenge carries its own record (difficulty, expiry, a random id) under a keyed BLAKE2b
// MAC over that record and the organisation it is for. The key is random at start and
// lives only in this object's memory, so nobody can forge a challenge, lower its
// difficulty, extend it or move it to another organisation, and a restart voids every
// challenge out there (the resident's page simply asks for a new one). Whether a challenge
// was already used is not its business (domain/proof_of_work.h keeps that). Thread-safe:
// the key never changes after construction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hw::crypto {

struct WorkChallenge {
  int bits = 0;            // leading zero bits SHA-256(challenge ":" nonce) must have
  int64_t expires_at = 0;  // unix seconds
  std::string id;          // 24 hex digits, unique per challenge (for single use)
};

class WorkChallengeSigner {
 public:
  WorkChallengeSigner();
  ~WorkChallengeSigner();
  WorkChallengeSigner(const WorkChallengeSigner&) = delete;
  WorkChallengeSigner& operator=(const WorkChallengeSigner&) = delete;

  // The challenge as text (lower-case hex, 74 characters), for `organization` only.
  std::string Issue(std::string_view organization, int bits, int64_t expires_at) const;
  // The record of a challenge this signer issued for `organization`; nullopt for anything
  // else (malformed, forged, altered, another organisation's, another process's).
  std::optional<WorkChallenge> Open(std::string_view challenge, std::string_view organization) const;

 private:
  unsigned char key_[32];
};

// How many leading zero bits SHA-256 of `challenge` ":" `nonce` has (0 to 256): the work a
// nonce proves is about 2^bits hashes. The resident's browser computes the same
// (webapp/components/contact-request/proof-of-work.js).
int WorkZeroBits(std::string_view challenge, std::string_view nonce);

}  // namespace hw::crypto

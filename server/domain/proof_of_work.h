// The work a resident's browser does before a contact request is stored (hashcash): the
// server issues a challenge for one organisation, the browser finds a nonce such that
// SHA-256(challenge ":" nonce) starts with `bits` zero bits (about 2^bits hashes), and the
// request carries both. Issuing keeps no state (crypto/work_challenge.h: MAC'd, with
// expiry); redeeming remembers the challenge's id until it expires, so each is used once.
//
// The difficulty follows the organisation's inflow: `base_bits` while it receives up to
// `normal_per_hour` requests an hour, one bit more (twice the work) for each doubling
// above that, at most `max_extra_bits` more. A proof must meet the difficulty of the moment
// it is redeemed (less one bit, for a resident whose challenge was issued just before a
// step up), so challenges fetched cheaply before a flood do not stay cheap during it.
// See contact_requests.h for how this fits with the other defences. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "crypto/work_challenge.h"
#include "domain/inflow_meter.h"

namespace hw::domain {

// About a second of a phone's time in the page's plain JavaScript SHA-256 (bench/README.md).
constexpr int kDefaultWorkBits = 17;

struct WorkPolicy {
  int base_bits = kDefaultWorkBits;
  int max_extra_bits = 3;          // a flood makes a resident's wait at most 8 times longer
  int64_t normal_per_hour = 10;    // far above what any partner receives through this site
  int64_t lifetime_seconds = 600;  // a challenge must be used within 10 minutes
  size_t max_remembered = 200000;  // used challenges kept until they expire (about 20 MB at most)
};

struct WorkProof {
  std::string challenge;
  std::string nonce;
};

struct IssuedChallenge {
  std::string challenge;
  int bits = 0;
  int64_t expires_at = 0;
};

enum class WorkVerdict {
  kAccepted,
  kMissing,       // no proof at all
  kInvalid,       // not a challenge of ours for this organisation, or the nonce is malformed
  kExpired,
  kTooLittle,     // fewer zero bits than the challenge, or than the difficulty of now asks
  kAlreadyUsed,
};

class ProofOfWork {
 public:
  explicit ProofOfWork(WorkPolicy policy = {}) : policy_(policy) {}

  IssuedChallenge Issue(const std::string& organization, int64_t now);
  // Checks the proof and, when it holds, marks its challenge as used.
  WorkVerdict Redeem(const std::string& organization, const WorkProof& proof, int64_t now);
  // A request for `organization` was stored: it counts towards the inflow. The new
  // difficulty when this request raised it (for the operator's monitoring), else 0.
  int Stored(const std::string& organization, int64_t now);
  int CurrentBits(const std::string& organization, int64_t now);

 private:
  bool Remember(const std::string& id, int64_t expires_at, int64_t now);

  const WorkPolicy policy_;
  crypto::WorkChallengeSigner signer_;
  InflowMeter inflow_;
  std::mutex mutex_;
  std::unordered_map<std::string, int64_t> used_;  // challenge id -> expiry
  int64_t last_sweep_ = 0;
};

}  // namespace hw::domain

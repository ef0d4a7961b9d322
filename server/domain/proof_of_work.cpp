#include "domain/proof_of_work.h"

#include <algorithm>

namespace hw::domain {
namespace {

constexpr size_t kMaxNonceChars = 32;

bool PlainNonce(std::string_view nonce) {
  return !nonce.empty() && nonce.size() <= kMaxNonceChars &&
         std::all_of(nonce.begin(), nonce.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

int ProofOfWork::CurrentBits(const std::string& organization, int64_t now) {
  const int64_t inflow = inflow_.LastHour(organization, now);
  int extra = 0;
  for (int64_t threshold = policy_.normal_per_hour; inflow > threshold && extra < policy_.max_extra_bits; threshold *= 2)
    ++extra;
  return policy_.base_bits + extra;
}

int ProofOfWork::Stored(const std::string& organization, int64_t now) {
  const int before = CurrentBits(organization, now);
  inflow_.Count(organization, now);
  const int after = CurrentBits(organization, now);
  return after > before ? after : 0;
}

IssuedChallenge ProofOfWork::Issue(const std::string& organization, int64_t now) {
  IssuedChallenge issued;
  issued.bits = CurrentBits(organization, now);
  issued.expires_at = now + policy_.lifetime_seconds;
  issued.challenge = signer_.Issue(organization, issued.bits, issued.expires_at);
  return issued;
}

WorkVerdict ProofOfWork::Redeem(const std::string& organization, const WorkProof& proof, int64_t now) {
  if (proof.challenge.empty() && proof.nonce.empty()) return WorkVerdict::kMissing;
  const auto record = signer_.Open(proof.challenge, organization);
  if (!record || !PlainNonce(proof.nonce)) return WorkVerdict::kInvalid;
  if (now >= record->expires_at) return WorkVerdict::kExpired;
  const int needed = std::max(record->bits, CurrentBits(organization, now) - 1);
  if (crypto::WorkZeroBits(proof.challenge, proof.nonce) < needed) return WorkVerdict::kTooLittle;
  if (!Remember(record->id, record->expires_at, now)) return WorkVerdict::kAlreadyUsed;
  return WorkVerdict::kAccepted;
}

// False when the id was used before. When the memory is full even after dropping expired
// ids, the ids closest to expiry go first: a replay of one of those is possible for its
// last moments only, and still costs the replayer a stored request of its five.
bool ProofOfWork::Remember(const std::string& id, int64_t expires_at, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (used_.count(id)) return false;
  if (now - last_sweep_ >= 60 || used_.size() >= policy_.max_remembered) {
    for (auto it = used_.begin(); it != used_.end();) it = it->second <= now ? used_.erase(it) : std::next(it);
    last_sweep_ = now;
  }
  while (used_.size() >= policy_.max_remembered) {
    used_.erase(std::min_element(used_.begin(), used_.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; }));
  }
  used_.emplace(id, expires_at);
  return true;
}

}  // namespace hw::domain

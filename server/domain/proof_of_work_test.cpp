#include "domain/proof_of_work.h"

#include <catch2/catch.hpp>

#include "domain/work_for_tests.h"

namespace hw::domain {
namespace {

using testing::Solve;
constexpr int64_t kNow = 1'800'000'000;

WorkPolicy Small() { return WorkPolicy{8, 4, 10, 600, 1000}; }

// A proof for `issued` whose hash has fewer zero bits than asked.
WorkProof Short(const IssuedChallenge& issued) {
  for (long nonce = 0;; ++nonce)
    if (crypto::WorkZeroBits(issued.challenge, std::to_string(nonce)) < issued.bits)
      return {issued.challenge, std::to_string(nonce)};
}

}  // namespace

TEST_CASE("a solved challenge is accepted once", "[work]") {
  ProofOfWork work(Small());
  const IssuedChallenge issued = work.Issue("moviera", kNow);
  CHECK(issued.bits == 8);
  CHECK(issued.expires_at == kNow + 600);
  const WorkProof proof = Solve(issued);
  CHECK(work.Redeem("moviera", proof, kNow + 1) == WorkVerdict::kAccepted);
  CHECK(work.Redeem("moviera", proof, kNow + 2) == WorkVerdict::kAlreadyUsed);
}

TEST_CASE("a proof is refused when it is missing, short, expired, forged or for another organisation", "[work]") {
  ProofOfWork work(Small());
  const IssuedChallenge issued = work.Issue("moviera", kNow);
  CHECK(work.Redeem("moviera", {}, kNow) == WorkVerdict::kMissing);
  CHECK(work.Redeem("moviera", Short(issued), kNow) == WorkVerdict::kTooLittle);
  CHECK(work.Redeem("moviera", Solve(issued), kNow + 600) == WorkVerdict::kExpired);
  CHECK(work.Redeem("fier", Solve(issued), kNow) == WorkVerdict::kInvalid);
  CHECK(work.Redeem("moviera", {issued.challenge, "12a"}, kNow) == WorkVerdict::kInvalid);
  CHECK(work.Redeem("moviera", {issued.challenge, std::string(33, '1')}, kNow) == WorkVerdict::kInvalid);
  // Lowering the difficulty written in the challenge breaks its MAC.
  std::string cheaper = issued.challenge;
  cheaper[1] = '0';
  CHECK(cheaper != issued.challenge);
  CHECK(work.Redeem("moviera", Solve({cheaper, 0, 0}), kNow) == WorkVerdict::kInvalid);
  // Another process's challenge (another key) means nothing here.
  ProofOfWork other(Small());
  CHECK(work.Redeem("moviera", Solve(other.Issue("moviera", kNow)), kNow) == WorkVerdict::kInvalid);
  // None of these used the challenge up.
  CHECK(work.Redeem("moviera", Solve(issued), kNow + 599) == WorkVerdict::kAccepted);
}

TEST_CASE("the difficulty doubles with each doubling of an organisation's inflow, up to a limit", "[work]") {
  ProofOfWork work(Small());
  auto bits_after = [&](int stored) {
    for (int i = 0; i < stored; ++i) work.Stored("moviera", kNow);
    return work.CurrentBits("moviera", kNow);
  };
  CHECK(bits_after(10) == 8);   // 10 an hour is normal
  CHECK(bits_after(1) == 9);    // 11
  CHECK(bits_after(9) == 9);    // 20
  CHECK(bits_after(1) == 10);   // 21
  CHECK(bits_after(60) == 12);  // 81
  CHECK(bits_after(1000) == 12);
  CHECK(work.CurrentBits("fier", kNow) == 8);  // others are not affected
  CHECK(work.CurrentBits("moviera", kNow + 3600) == 8);  // an hour later the flood is forgotten
}

TEST_CASE("challenges fetched before a flood do not stay cheap during it", "[work]") {
  ProofOfWork work(Small());
  const IssuedChallenge early = work.Issue("moviera", kNow);
  const IssuedChallenge just_before = work.Issue("moviera", kNow);
  for (int i = 0; i < 21; ++i) work.Stored("moviera", kNow);  // now 10 bits
  WorkProof cheap;
  for (long nonce = 0;; ++nonce) {
    const int bits = crypto::WorkZeroBits(early.challenge, std::to_string(nonce));
    if (bits == 8) {
      cheap = {early.challenge, std::to_string(nonce)};
      break;
    }
  }
  CHECK(work.Redeem("moviera", cheap, kNow + 1) == WorkVerdict::kTooLittle);
  // One bit of slack: a resident whose page asked just before the step still gets in.
  CHECK(work.Redeem("moviera", Solve({just_before.challenge, 9, 0}), kNow + 1) == WorkVerdict::kAccepted);
}

TEST_CASE("used challenges are remembered within a bound", "[work]") {
  WorkPolicy policy = Small();
  policy.max_remembered = 3;
  ProofOfWork work(policy);
  std::vector<WorkProof> proofs;
  for (int i = 0; i < 5; ++i) proofs.push_back(Solve(work.Issue("moviera", kNow + i)));
  for (const WorkProof& proof : proofs) CHECK(work.Redeem("moviera", proof, kNow + 10) == WorkVerdict::kAccepted);
  // The three newest are still remembered; the two soonest to expire made room.
  for (int i = 2; i < 5; ++i) CHECK(work.Redeem("moviera", proofs[i], kNow + 10) == WorkVerdict::kAlreadyUsed);
}

}  // namespace hw::domain

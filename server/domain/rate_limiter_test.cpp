#include "domain/rate_limiter.h"

#include <catch2/catch.hpp>

namespace hw::domain {

TEST_CASE("fixed windows per key", "[rate]") {
  RateLimiter limiter(2, 60);
  CHECK(limiter.Allow("a", 100));
  CHECK(limiter.Allow("a", 101));
  CHECK_FALSE(limiter.WouldAllow("a", 102));
  CHECK_FALSE(limiter.Allow("a", 102));
  CHECK(limiter.Allow("b", 102));
  CHECK(limiter.WouldAllow("a", 160));
  CHECK(limiter.Allow("a", 160));
  CHECK(limiter.WouldAllow("never-seen", 0));
}

TEST_CASE("an event given back no longer counts, within its window only", "[rate]") {
  RateLimiter limiter(2, 60);
  CHECK(limiter.Allow("a", 100));
  CHECK(limiter.Allow("a", 101));
  limiter.GiveBack("a", 102);
  CHECK(limiter.WouldAllow("a", 102));
  CHECK(limiter.Allow("a", 102));
  CHECK_FALSE(limiter.Allow("a", 103));
  limiter.GiveBack("never-seen", 103);  // nothing to give back: no window is made
  CHECK(limiter.Allow("never-seen", 103));
  CHECK(limiter.Allow("never-seen", 103));
  CHECK_FALSE(limiter.Allow("never-seen", 103));
  limiter.GiveBack("b", 200);
  CHECK(limiter.Allow("a", 200));  // a new window
  limiter.GiveBack("a", 200);
  limiter.GiveBack("a", 200);  // never below zero
  CHECK(limiter.Allow("a", 201));
  CHECK(limiter.Allow("a", 201));
  CHECK_FALSE(limiter.Allow("a", 201));
}

}  // namespace hw::domain

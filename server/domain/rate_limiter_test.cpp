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

}  // namespace hw::domain

#include "domain/login_throttle.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace hw::domain {

TEST_CASE("attempts are counted per account without case, cleared by a success, forgotten later", "[login]") {
  LoginThrottle throttle;
  CHECK(throttle.Attempt("p@m.test", 100) == 1);
  CHECK(throttle.Attempt("P@M.test", 101) == 2);
  CHECK(throttle.Attempt("q@m.test", 101) == 1);
  throttle.Succeeded("p@m.TEST");
  CHECK(throttle.Attempt("p@m.test", 102) == 1);
  CHECK(throttle.Attempt("p@m.test", 102 + LoginThrottle::kForgetSeconds - 1) == 2);
  CHECK(throttle.Attempt("p@m.test", 102 + 2 * LoginThrottle::kForgetSeconds) == 1);
}

TEST_CASE("concurrent attempts each get their own place in the schedule", "[login]") {
  LoginThrottle throttle;
  std::vector<int64_t> places(32);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < places.size(); ++i)
    threads.emplace_back([&, i] { places[i] = throttle.Attempt("p@m.test", 100); });
  for (auto& thread : threads) thread.join();
  std::sort(places.begin(), places.end());
  for (size_t i = 0; i < places.size(); ++i) CHECK(places[i] == static_cast<int64_t>(i + 1));
}

TEST_CASE("the delays: two free mistakes, then doubling up to 8 s", "[login]") {
  CHECK(LoginThrottle::DelayMilliseconds(1) == 0);
  CHECK(LoginThrottle::DelayMilliseconds(2) == 0);
  CHECK(LoginThrottle::DelayMilliseconds(3) == 1000);
  CHECK(LoginThrottle::DelayMilliseconds(5) == 4000);
  CHECK(LoginThrottle::DelayMilliseconds(6) == 8000);
  CHECK(LoginThrottle::DelayMilliseconds(1000000) == 8000);
}

TEST_CASE("a flood of made-up addresses keeps the table bounded and the recent ones", "[login]") {
  LoginThrottle throttle;
  for (size_t i = 0; i < LoginThrottle::kMaxAccounts; ++i)
    throttle.Attempt("made-up-" + std::to_string(i), i == 0 ? 100 : 101);
  CHECK(throttle.Attempt("owner@m.test", 102) == 1);  // room made by forgetting the least recent
  CHECK(throttle.Attempt("owner@m.test", 102) == 2);  // and the newest is kept
  CHECK(throttle.Attempt("made-up-1", 102) == 2);     // the others too
  CHECK(throttle.Attempt("made-up-0", 102) == 1);     // the least recent was forgotten
}

}  // namespace hw::domain

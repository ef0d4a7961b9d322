// Fixed-window counters in memory: at most `limit` events per key per window. Keys are
// opaque (a keyed hash of an address, an organisation key); nothing is ever written to
// disk, and old windows are dropped. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace hw::domain {

class RateLimiter {
 public:
  RateLimiter(int64_t limit, int64_t window_seconds) : limit_(limit), window_(window_seconds) {}
  // Counts the event and says whether it is within the limit.
  bool Allow(const std::string& key, int64_t now);
  // Whether one more event would be within the limit, without counting it (for limits
  // that count only failures, such as wrong passwords).
  bool WouldAllow(const std::string& key, int64_t now);
  // The events of `key` counted in the current window.
  int64_t Count(const std::string& key, int64_t now);
  // Uncounts one event of `key` that was allowed in the current window but did not happen
  // after all (a submission that stored nothing), so it does not use up the client's few.
  // Does nothing once the window is over: the event no longer counts anyway.
  void GiveBack(const std::string& key, int64_t now);
  int64_t window_seconds() const { return window_; }

 private:
  struct Window {
    int64_t start;
    int64_t count;
  };
  const int64_t limit_;
  const int64_t window_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
  int64_t last_sweep_ = 0;
};

}  // namespace hw::domain

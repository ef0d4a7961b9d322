#include "domain/rate_limiter.h"

namespace hw::domain {

bool RateLimiter::Allow(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (now - last_sweep_ >= window_) {
    for (auto it = windows_.begin(); it != windows_.end();)
      it = now - it->second.start >= window_ ? windows_.erase(it) : std::next(it);
    last_sweep_ = now;
  }
  Window& w = windows_[key];
  if (w.count == 0 || now - w.start >= window_) w = {now, 0};
  return ++w.count <= limit_;
}

bool RateLimiter::WouldAllow(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = windows_.find(key);
  return it == windows_.end() || now - it->second.start >= window_ || it->second.count < limit_;
}

int64_t RateLimiter::Count(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = windows_.find(key);
  return it == windows_.end() || now - it->second.start >= window_ ? 0 : it->second.count;
}

void RateLimiter::GiveBack(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = windows_.find(key);
  if (it != windows_.end() && now - it->second.start < window_ && it->second.count > 0) --it->second.count;
}

}  // namespace hw::domain

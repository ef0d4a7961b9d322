#include "domain/login_throttle.h"

#include <algorithm>
#include <cctype>

namespace hw::domain {
namespace {

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

int LoginThrottle::DelayMilliseconds(int64_t failures) {
  // Two free mistakes, then 1, 2, 4, 8 seconds at most.
  if (failures <= 2) return 0;
  return static_cast<int>(std::min<int64_t>(8000, 1000LL << std::min<int64_t>(failures - 3, 3)));
}

int64_t LoginThrottle::Attempt(const std::string& account, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key = Lowercase(account);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    MakeRoom(now);
    it = entries_.emplace(key, Entry{}).first;
  }
  Entry& entry = it->second;
  if (now - entry.last >= kForgetSeconds) entry.attempts = 0;
  entry.last = now;
  return ++entry.attempts;
}

void LoginThrottle::Succeeded(const std::string& account) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(Lowercase(account));
}

void LoginThrottle::MakeRoom(int64_t now) {
  if (entries_.size() < kMaxAccounts) return;
  for (auto it = entries_.begin(); it != entries_.end();)
    it = now - it->second.last >= kForgetSeconds ? entries_.erase(it) : std::next(it);
  if (entries_.size() < kMaxAccounts) return;
  // Still full of recent attempts (a flood of made-up addresses): forget the least recent.
  const auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                       [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
  entries_.erase(oldest);
}

}  // namespace hw::domain

// How long the answer to a failed login waits, per account as typed: the n-th failure in a
// row waits LoginDelayMilliseconds(n). In memory only (never written anywhere); thread-safe.
//
// - Counted before the password is checked: N guesses sent at once are failures 1..N and
//   wait accordingly, instead of all passing as the first free one.
// - Known and unknown e-mail addresses alike, so the schedule does not tell who has an
//   account.
// - Only failures wait, and the waiting is done by the connection loop's timer
//   (http/wire/connection_loop.h), not by a thread: an owner who types the right password is
//   answered at once, however many wrong guesses are under way.
// An account's count is cleared by a success and forgotten 15 minutes after its last
// attempt; at most kMaxAccounts are kept (the least recent go first).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hw::domain {

class LoginThrottle {
 public:
  static constexpr size_t kMaxAccounts = 10000;
  static constexpr int64_t kForgetSeconds = 15 * 60;

  // Counts one attempt on `account` (compared without case) and returns which attempt in a
  // row without success it is: 1 for the first.
  int64_t Attempt(const std::string& account, int64_t now);
  void Succeeded(const std::string& account);

  // The wait after the n-th failed attempt in a row.
  static int DelayMilliseconds(int64_t failures);

 private:
  struct Entry {
    int64_t attempts = 0;
    int64_t last = 0;
  };
  void MakeRoom(int64_t now);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace hw::domain

// Staff sessions, in memory only. The browser holds a random token; the vault is keyed by
// its hash, and the organisation secrets unwrapped at login are kept wrapped under a key
// derived from the token, so a memory dump of the vault alone opens nothing. Sessions end
// after 30 idle minutes, after 12 hours, at logout, or when the staff member is removed.
// A restart ends every session. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/staff.h"
#include "util/status.h"

namespace hw::domain {

constexpr int64_t kSessionIdleSeconds = 30 * 60;
constexpr int64_t kSessionMaxSeconds = 12 * 60 * 60;

struct SessionView {
  StaffIdentity staff;
  std::string csrf_token;
  int64_t idle_seconds_left = 0;  // until it ends unless used (never past the 12 hours)
};

// Whether a request that finds a session is activity. Only activity restarts the idle
// timer: a page that merely asks whether it is still logged in (GET session) must not keep
// an unattended screen open for ever.
enum class SessionUse { kActivity, kLookOnly };

class SessionVault {
 public:
  struct Created {
    std::string token;  // goes into the cookie; never stored
    std::string csrf_token;
  };

  Created Create(const StaffIdentity& staff, std::vector<OrgSecret> secrets, int64_t now);
  // The session for this token, restarting its idle timer if `use` is activity; nullopt
  // if unknown or expired.
  std::optional<SessionView> Find(const std::string& token, int64_t now, SessionUse use);
  // The organisation secrets of the session, unwrapped into secure memory for one request.
  Result<std::vector<OrgSecret>> Secrets(const std::string& token);
  void Destroy(const std::string& token);
  void DestroyForStaff(int64_t staff_id);
  void ExpireIdle(int64_t now);
  size_t size();

 private:
  struct WrappedSecret {
    std::string organization;
    int64_t version;
    std::string public_key;
    std::string wrapped;
  };
  struct Entry {
    SessionView view;
    std::vector<WrappedSecret> secrets;
    int64_t created_at;
    int64_t last_seen;
  };
  static void Wipe(Entry& entry);

  std::mutex mutex_;
  std::map<std::string, Entry> sessions_;  // by token hash
};

}  // namespace hw::domain

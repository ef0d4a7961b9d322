// The staff portal's sessions as a use case: what a request with a session cookie may do.
// It resumes a session (a staff member removed on the command line loses every session at
// their next request), decides whether a request may change anything (the CSRF token,
// compared in constant time), hands out only the organisation keys the person still holds
// a grant for (revoking a grant takes effect at once), and ends a session with its audit
// entry. The secrets themselves live in the SessionVault (domain/session_vault.h).
// Borrows the vault and stores, which must outlive it. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/session_vault.h"
#include "domain/staff.h"
#include "store/audit_store.h"
#include "store/key_store.h"
#include "util/status.h"

namespace hw::domain {

class StaffSessions {
 public:
  StaffSessions(SessionVault& vault, store::KeyStore& keys, store::AuditStore& audit)
      : vault_(vault), keys_(keys), audit_(audit) {}

  // A session for someone who just logged in (domain/keyring.h).
  SessionVault::Created Start(const StaffIdentity& staff, std::vector<OrgSecret> secrets, int64_t now) {
    return vault_.Create(staff, std::move(secrets), now);
  }
  // The session of `token`, looked at without restarting its idle timer; nullopt when there
  // is none, it expired, or its staff member was removed (then all their sessions end).
  Result<std::optional<SessionView>> Resume(const std::string& token, int64_t now);
  // Counts a request of the session's own page as activity: restarts the idle timer.
  std::optional<SessionView> Touch(const std::string& token, int64_t now) {
    return vault_.Find(token, now, SessionUse::kActivity);
  }
  // Whether a request that changes something carries the session's CSRF token.
  static bool MayChange(const SessionView& session, const std::string& csrf_token);
  // The session's organisation secrets that `staff_id` still holds a grant for.
  // kNotFound when the session is gone or its secrets no longer open: log in again.
  Result<std::vector<OrgSecret>> GrantedSecrets(const std::string& token, int64_t staff_id);
  // Ends the session, then writes the logout to the audit log. Ending only takes power
  // away, so the session ends even when the entry cannot be written (the error says so).
  Status End(const std::string& token, const SessionView& session, int64_t now);

 private:
  SessionVault& vault_;
  store::KeyStore& keys_;
  store::AuditStore& audit_;
};

}  // namespace hw::domain

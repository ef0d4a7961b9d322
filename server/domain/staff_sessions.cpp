#include "domain/staff_sessions.h"

#include "crypto/tokens.h"

namespace hw::domain {

Result<std::optional<SessionView>> StaffSessions::Resume(const std::string& token, int64_t now) {
  std::optional<SessionView> session = vault_.Find(token, now, SessionUse::kLookOnly);
  if (!session) return session;
  auto staff = keys_.StaffById(session->staff.id);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) {
    vault_.DestroyForStaff(session->staff.id);
    return std::optional<SessionView>();
  }
  return session;
}

bool StaffSessions::MayChange(const SessionView& session, const std::string& csrf_token) {
  return crypto::ConstantTimeEquals(csrf_token, session.csrf_token);
}

Result<std::vector<OrgSecret>> StaffSessions::GrantedSecrets(const std::string& token, int64_t staff_id) {
  auto secrets = vault_.Secrets(token);
  if (!secrets.ok()) return Status::NotFound("the session has ended").WithReason(Reason::kSessionEnded);
  auto grants = keys_.GrantsOf(staff_id);
  if (!grants.ok()) return grants.status();
  std::vector<OrgSecret> granted;
  for (auto& secret : secrets.value())
    for (const auto& grant : grants.value())
      if (grant.organization == secret.organization && grant.version == secret.version) {
        granted.push_back(std::move(secret));
        break;
      }
  return granted;
}

Status StaffSessions::End(const std::string& token, const SessionView& session, int64_t now) {
  vault_.Destroy(token);
  return audit_.Append({0, now, session.staff.email, "logout", session.staff.partner_of.value_or(""), ""});
}

}  // namespace hw::domain

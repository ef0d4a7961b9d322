#include "domain/session_vault.h"

#include <algorithm>

#include "crypto/key_wrap.h"
#include "crypto/tokens.h"

namespace hw::domain {
namespace {

constexpr const char* kVaultContext = "hulpwijzer session vault";

std::string SecretAd(const std::string& organization, int64_t version) {
  return "session-secret:" + organization + ":" + std::to_string(version);
}

}  // namespace

void SessionVault::Wipe(Entry& entry) {
  for (auto& secret : entry.secrets) crypto::WipeString(secret.wrapped);
  crypto::WipeString(entry.view.csrf_token);
}

SessionVault::Created SessionVault::Create(const StaffIdentity& staff, std::vector<OrgSecret> secrets, int64_t now) {
  Created created{crypto::RandomToken(), crypto::RandomToken()};
  const crypto::SecureBuffer key = crypto::DeriveSubkey(created.token, kVaultContext);
  Entry entry{{staff, created.csrf_token}, {}, now, now};
  for (const OrgSecret& secret : secrets) {
    entry.secrets.push_back({secret.organization, secret.version, secret.keys.public_key,
                             crypto::Wrap(secret.keys.secret_key.view(), key, SecretAd(secret.organization, secret.version))});
  }
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_[crypto::TokenHash(created.token)] = std::move(entry);
  return created;
}

std::optional<SessionView> SessionVault::Find(const std::string& token, int64_t now, SessionUse use) {
  if (token.empty()) return std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = sessions_.find(crypto::TokenHash(token));
  if (it == sessions_.end()) return std::nullopt;
  Entry& entry = it->second;
  if (now - entry.last_seen > kSessionIdleSeconds || now - entry.created_at > kSessionMaxSeconds) {
    Wipe(entry);
    sessions_.erase(it);
    return std::nullopt;
  }
  if (use == SessionUse::kActivity) entry.last_seen = now;
  SessionView view = entry.view;
  view.idle_seconds_left = std::min(entry.last_seen + kSessionIdleSeconds, entry.created_at + kSessionMaxSeconds) - now;
  return view;
}

Result<std::vector<OrgSecret>> SessionVault::Secrets(const std::string& token) {
  std::vector<WrappedSecret> wrapped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = sessions_.find(crypto::TokenHash(token));
    if (it == sessions_.end()) return Status::NotFound("the session has ended");
    wrapped = it->second.secrets;
  }
  const crypto::SecureBuffer key = crypto::DeriveSubkey(token, kVaultContext);
  std::vector<OrgSecret> secrets;
  for (auto& w : wrapped) {
    auto secret = crypto::Unwrap(w.wrapped, key, SecretAd(w.organization, w.version));
    crypto::WipeString(w.wrapped);
    if (!secret.ok()) return secret.status();
    secrets.push_back({w.organization, w.version, crypto::KeyPair{w.public_key, std::move(secret.value())}});
  }
  return secrets;
}

void SessionVault::Destroy(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = sessions_.find(crypto::TokenHash(token));
  if (it == sessions_.end()) return;
  Wipe(it->second);
  sessions_.erase(it);
}

void SessionVault::DestroyForStaff(int64_t staff_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.view.staff.id == staff_id) {
      Wipe(it->second);
      it = sessions_.erase(it);
    } else {
      ++it;
    }
  }
}

void SessionVault::ExpireIdle(int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    Entry& entry = it->second;
    if (now - entry.last_seen > kSessionIdleSeconds || now - entry.created_at > kSessionMaxSeconds) {
      Wipe(entry);
      it = sessions_.erase(it);
    } else {
      ++it;
    }
  }
}

size_t SessionVault::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

}  // namespace hw::domain

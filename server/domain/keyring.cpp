#include "domain/keyring.h"

#include <algorithm>
#include <cctype>

#include "crypto/key_wrap.h"
#include "crypto/sealing.h"
#include "crypto/tokens.h"
#include "domain/password_policy.h"

namespace hw::domain {
namespace {

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string StaffAd(const std::string& email) { return "staff-secret:" + Lowercase(email); }
std::string RecoveryAd(const std::string& organization, int64_t version) {
  return "org-recovery:" + organization + ":" + std::to_string(version);
}

// What an unknown e-mail address is checked against: a staff secret wrapped under a key
// nobody knows, so it takes a wrong password's path to the end (derive, unwrap, fail).
struct DummyAccount {
  std::string salt = crypto::RandomSalt();
  std::string wrapped_secret = crypto::Wrap(crypto::RandomKey().view(), crypto::RandomKey(), StaffAd(""));
};
const DummyAccount& Dummy() {
  static const DummyAccount dummy;
  return dummy;
}

StaffIdentity IdentityOf(const store::StaffRow& row) {
  return {row.id, row.email, row.partner_of, row.is_editor, row.is_admin};
}

}  // namespace

store::AuditRow Keyring::Entry(const std::string& actor, const std::string& action, const std::string& organization,
                               const std::string& target) {
  return {0, now_(), actor, action, organization, target};
}

Status Keyring::Audit(const std::string& actor, const std::string& action, const std::string& organization,
                      const std::string& target) {
  return audit_.Append(Entry(actor, action, organization, target));
}

Status Keyring::Grant(int64_t staff_id, const std::string& staff_public_key, const std::string& organization,
                      int64_t version, const crypto::SecureBuffer& org_secret) {
  const std::string sealed = crypto::Seal(org_secret.view(), staff_public_key);
  if (sealed.empty()) return Status::Corruption("the staff member's public key is malformed");
  return keys_.PutGrant({staff_id, organization, version, sealed});
}

Result<int64_t> Keyring::AddVersion(const std::string& organization, const crypto::KeyPair& keys,
                                    const std::string& recovery_public_key) {
  const std::string sealed = crypto::Seal(keys.secret_key.view(), recovery_public_key);
  if (sealed.empty()) return Status::Corruption("the recovery public key of " + organization + " is malformed");
  return keys_.AddOrgKey(organization, keys.public_key, sealed, true, now_());
}

Result<std::string> Keyring::CreateOrganizationKeys(const std::string& organization, const std::string& actor) {
  auto existing = keys_.CurrentOrgKey(organization);
  if (!existing.ok()) return existing.status();
  if (existing.value())
    return Status::AlreadyExists("organisation " + organization + " already has keys; use rotate for a new version");
  const crypto::KeyPair recovery = crypto::GenerateKeyPair();
  const Status done = audit_.AppendWith(Entry(actor, "create_org_keys", organization, "version 1"), [&]() -> Status {
    if (Status s = keys_.SetRecoveryPublicKey(organization, recovery.public_key, now_()); !s.ok()) return s;
    const crypto::KeyPair keys = crypto::GenerateKeyPair();
    auto version = AddVersion(organization, keys, recovery.public_key);
    return version.ok() ? Status::Ok() : version.status();
  });
  if (!done.ok()) return done;
  return crypto::FormatRecoveryKey(recovery.secret_key);
}

Result<Rotation> Keyring::RotateOrganizationKey(const std::string& organization, const std::string& actor,
                                                bool new_recovery_key) {
  return Rotate(organization, actor, "", new_recovery_key);
}

// The new key pair lives only inside this call: sealed to the recovery key and to every
// remaining grantee, then wiped before it returns.
Result<Rotation> Keyring::Rotate(const std::string& organization, const std::string& actor, const std::string& reason,
                                 bool new_recovery_key) {
  auto current = keys_.CurrentOrgKey(organization);
  if (!current.ok()) return current.status();
  if (!current.value()) return Status::NotFound("organisation " + organization + " has no keys yet; create them first");
  Rotation rotation{organization, current.value()->version + 1, std::nullopt};
  const std::string target = "version " + std::to_string(rotation.version) + reason;
  const Status done = audit_.AppendWith(Entry(actor, "rotate_org_keys", organization, target), [&]() -> Status {
    auto recovery_public_key = keys_.RecoveryPublicKey(organization);
    if (!recovery_public_key.ok()) return recovery_public_key.status();
    if (new_recovery_key || !recovery_public_key.value()) {
      const crypto::KeyPair recovery = crypto::GenerateKeyPair();
      if (Status s = keys_.SetRecoveryPublicKey(organization, recovery.public_key, now_()); !s.ok()) return s;
      rotation.recovery_key = crypto::FormatRecoveryKey(recovery.secret_key);
      recovery_public_key = std::optional<std::string>(recovery.public_key);
    }
    crypto::KeyPair keys = crypto::GenerateKeyPair();
    auto version = AddVersion(organization, keys, *recovery_public_key.value());
    if (!version.ok()) return version.status();
    if (version.value() != rotation.version) return Status::Internal("key versions changed during rotation; run it again");
    // Everyone who can read this organisation's requests keeps that access.
    auto grants = keys_.GrantsFor(organization);
    if (!grants.ok()) return grants.status();
    std::vector<int64_t> done;
    for (const auto& grant : grants.value()) {
      if (std::find(done.begin(), done.end(), grant.staff_id) != done.end()) continue;
      auto staff = keys_.StaffById(grant.staff_id);
      if (!staff.ok()) return staff.status();
      if (!staff.value()) continue;
      if (Status s = Grant(grant.staff_id, staff.value()->public_key, organization, rotation.version, keys.secret_key);
          !s.ok())
        return s;
      done.push_back(grant.staff_id);
    }
    keys.secret_key.Wipe();
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return rotation;
}

Result<int64_t> Keyring::AddStaff(const NewStaff& staff, const std::string& actor) {
  if (staff.email.find('@') == std::string::npos || staff.email.size() > 254)
    return Status::InvalidArgument("\"" + staff.email + "\" is not an e-mail address");
  if (Status s = CheckPassword(staff.password, staff.email); !s.ok()) return s;
  if (!staff.partner_of && !staff.is_editor && !staff.is_admin)
    return Status::InvalidArgument("give the staff member at least one role: partner, editor or admin");
  const crypto::KeyPair keys = crypto::GenerateKeyPair();
  const std::string salt = crypto::RandomSalt();
  auto key = crypto::DeriveKeyFromPassword(staff.password, salt, kdf_);
  if (!key.ok()) return key.status();
  store::StaffRow row;
  row.email = staff.email;
  row.partner_of = staff.partner_of;
  row.is_editor = staff.is_editor;
  row.is_admin = staff.is_admin;
  row.public_key = keys.public_key;
  row.wrapped_secret = crypto::Wrap(keys.secret_key.view(), key.value(), StaffAd(staff.email));
  row.kdf_salt = salt;
  row.kdf_ops = static_cast<int64_t>(kdf_.ops);
  row.kdf_mem = static_cast<int64_t>(kdf_.mem);
  row.created_at = now_();
  int64_t id = 0;
  const Status done = audit_.AppendWith(Entry(actor, "add_staff", staff.partner_of.value_or(""), staff.email), [&]() -> Status {
    auto added = keys_.AddStaff(row);
    if (!added.ok()) return added.status();
    id = added.value();
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return id;
}

Result<std::vector<Rotation>> Keyring::RemoveStaff(const std::string& email, const std::string& actor) {
  auto staff = keys_.StaffByEmail(email);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) return Status::NotFound("no staff member with e-mail " + email);
  auto grants = keys_.GrantsOf(staff.value()->id);
  if (!grants.ok()) return grants.status();
  std::vector<std::string> organizations;
  for (const auto& grant : grants.value())
    if (std::find(organizations.begin(), organizations.end(), grant.organization) == organizations.end())
      organizations.push_back(grant.organization);
  std::vector<Rotation> rotations;
  const Status done =
      audit_.AppendWith(Entry(actor, "remove_staff", staff.value()->partner_of.value_or(""), email), [&]() -> Status {
        if (Status s = keys_.RemoveStaff(staff.value()->id); !s.ok()) return s;
        for (const std::string& organization : organizations) {
          auto rotation = Rotate(organization, actor, " (removal of " + email + ")", false);
          if (!rotation.ok()) return rotation.status();
          rotations.push_back(std::move(rotation.value()));
        }
        return Status::Ok();
      });
  if (!done.ok()) return done;
  // The deleted rows (their wrapped key, their grants) must not linger in the -wal.
  if (Status scrubbed = keys_.ScrubWal(); !scrubbed.ok())
    return Status::Unavailable(email + " is removed and the keys are rotated, but " + scrubbed.message() +
                               "; run hulpwijzer purge to empty it");
  return rotations;
}

Status Keyring::GrantWithRecoveryKey(const std::string& organization, const std::string& email,
                                     const std::string& recovery_key_text, const std::string& actor) {
  const crypto::SecureBuffer recovery = crypto::ParseRecoveryKey(recovery_key_text);
  if (recovery.empty()) return Status::InvalidArgument("that is not a recovery key: expect 64 hex digits in groups of 4");
  auto staff = keys_.StaffByEmail(email);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) return Status::NotFound("no staff member with e-mail " + email);
  if (staff.value()->partner_of != organization)
    return Status::FailedPrecondition(email + " is not a partner of " + organization + "; only partners may read requests");
  auto versions = keys_.OrgKeys(organization);
  if (!versions.ok()) return versions.status();
  const crypto::KeyPair recovery_keys{crypto::PublicKeyOf(recovery), crypto::SecureBuffer::CopyOf(recovery.view())};
  return audit_.AppendWith(Entry(actor, "grant_with_recovery_key", organization, email), [&]() -> Status {
    int granted = 0;
    for (const auto& version : versions.value()) {
      auto secret = version.recovery_sealed
                        ? crypto::Open(version.recovery_wrapped, recovery_keys)
                        : crypto::Unwrap(version.recovery_wrapped, recovery, RecoveryAd(organization, version.version));
      if (!secret.ok()) continue;  // another sheet's version
      if (Status s = Grant(staff.value()->id, staff.value()->public_key, organization, version.version, secret.value());
          !s.ok())
        return s;
      ++granted;
    }
    if (granted == 0) return Status::InvalidArgument("this recovery key opens none of " + organization + "'s key versions");
    return Status::Ok();
  });
}

Status Keyring::GrantFromSecrets(const std::vector<OrgSecret>& secrets, const std::string& organization,
                                 const std::string& email, const std::string& actor) {
  auto staff = keys_.StaffByEmail(email);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) return Status::NotFound("no staff member with e-mail " + email);
  if (staff.value()->partner_of != organization)
    return Status::FailedPrecondition(email + " is not a partner of " + organization);
  return audit_.AppendWith(Entry(actor, "grant", organization, email), [&]() -> Status {
    int granted = 0;
    for (const OrgSecret& secret : secrets) {
      if (secret.organization != organization) continue;
      if (Status s = Grant(staff.value()->id, staff.value()->public_key, organization, secret.version, secret.keys.secret_key);
          !s.ok())
        return s;
      ++granted;
    }
    if (granted == 0) return Status::FailedPrecondition("you hold no keys of " + organization + " to share");
    return Status::Ok();
  });
}

void Keyring::StrengthenWrapping(const store::StaffRow& row, const std::string& password,
                                 const crypto::SecureBuffer& secret) {
  const uint64_t ops = static_cast<uint64_t>(row.kdf_ops), mem = static_cast<uint64_t>(row.kdf_mem);
  if (ops >= kdf_.ops && mem >= kdf_.mem) return;
  const crypto::KdfParams stronger{std::max(ops, kdf_.ops), std::max(mem, kdf_.mem)};
  const std::string salt = crypto::RandomSalt();
  auto key = crypto::DeriveKeyFromPassword(password, salt, stronger);
  if (!key.ok()) return;
  const std::string wrapped = crypto::Wrap(secret.view(), key.value(), StaffAd(row.email));
  if (!keys_.RewrapStaffSecret(row.id, wrapped, salt, static_cast<int64_t>(stronger.ops), static_cast<int64_t>(stronger.mem)).ok())
    return;
  (void)Audit(row.email, "strengthen_password_hash", row.partner_of.value_or(""),
        "argon2id ops " + std::to_string(ops) + " -> " + std::to_string(stronger.ops) + ", memory " +
            std::to_string(mem >> 10) + " -> " + std::to_string(stronger.mem >> 10) + " KiB");
}

LoginAttempt Keyring::Login(const std::string& email, const std::string& password, int64_t queue_rank) {
  // Counted before deriving, so guesses sent at once each get their own place in the schedule.
  const int64_t attempt = throttle_.Attempt(email, now_());
  auto found = keys_.StaffByEmail(email);
  if (!found.ok()) return {found.status()};
  const store::StaffRow* row = found.value() ? &*found.value() : nullptr;
  const crypto::KdfParams params =
      row ? crypto::KdfParams{static_cast<uint64_t>(row->kdf_ops), static_cast<uint64_t>(row->kdf_mem)} : kdf_;
  auto key = crypto::DeriveKeyFromPassword(password, row ? row->kdf_salt : Dummy().salt, params, queue_rank);
  if (!key.ok()) return {key.status()};
  auto staff_secret = crypto::Unwrap(row ? row->wrapped_secret : Dummy().wrapped_secret, key.value(),
                                     StaffAd(row ? row->email : ""));
  if (!row || !staff_secret.ok()) {
    // One audit row either way; an unknown address is not written down (it may be anyone's).
    (void)Audit(row ? row->email : "unknown account", "login_failed", row ? row->partner_of.value_or("") : "", "");  // refused either way
    return {Status::InvalidArgument("the e-mail address or password is not right"),
            std::chrono::milliseconds(LoginThrottle::DelayMilliseconds(attempt))};
  }
  throttle_.Succeeded(email);
  StrengthenWrapping(*row, password, staff_secret.value());
  return {OpenAccount(*row, std::move(staff_secret.value()))};
}

Result<LoginResult> Keyring::OpenAccount(const store::StaffRow& row, crypto::SecureBuffer staff_secret) {
  LoginResult result{IdentityOf(row), {}};
  const crypto::KeyPair staff_keys{row.public_key, std::move(staff_secret)};
  auto grants = keys_.GrantsOf(row.id);
  if (!grants.ok()) return grants.status();
  for (const auto& grant : grants.value()) {
    auto org_secret = crypto::Open(grant.sealed_secret, staff_keys);
    if (!org_secret.ok()) return Status::Corruption("a grant of " + row.email + " cannot be opened");
    crypto::KeyPair org_keys{crypto::PublicKeyOf(org_secret.value()), std::move(org_secret.value())};
    result.secrets.push_back({grant.organization, grant.version, std::move(org_keys)});
  }
  // No session without its entry (the secrets in `result` are wiped on return).
  if (Status recorded = Audit(row.email, "login", row.partner_of.value_or(""), ""); !recorded.ok())
    return Status::Unavailable("login refused, because the audit log could not record it: " + recorded.message());
  return result;
}

}  // namespace hw::domain

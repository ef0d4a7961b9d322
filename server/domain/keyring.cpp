#include "domain/keyring.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

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

// A derivation for unknown e-mail addresses too, so timing does not tell who has an account.
const std::string& DummySalt() {
  static const std::string salt = crypto::RandomSalt();
  return salt;
}

StaffIdentity IdentityOf(const store::StaffRow& row) {
  return {row.id, row.email, row.partner_of, row.is_editor, row.is_admin};
}

}  // namespace

int Keyring::LoginDelayMilliseconds(int64_t failures) {
  // Two free mistakes, then 1, 2, 4, 8 seconds at most. Only failed attempts wait, so an
  // abuser hammering an account cannot keep its owner out.
  if (failures <= 2) return 0;
  return static_cast<int>(std::min<int64_t>(8000, 1000LL << std::min<int64_t>(failures - 3, 3)));
}

void Keyring::Audit(const std::string& actor, const std::string& action, const std::string& organization,
                    const std::string& target) {
  audit_.Append({0, now_(), actor, action, organization, target});
}

Status Keyring::Grant(int64_t staff_id, const std::string& staff_public_key, const std::string& organization,
                      int64_t version, const crypto::SecureBuffer& org_secret) {
  const std::string sealed = crypto::Seal(org_secret.view(), staff_public_key);
  if (sealed.empty()) return Status::Corruption("the staff member's public key is malformed");
  return keys_.PutGrant({staff_id, organization, version, sealed});
}

Result<std::string> Keyring::CreateOrganizationKeys(const std::string& organization, const std::string& actor) {
  auto existing = keys_.CurrentOrgKey(organization);
  if (!existing.ok()) return existing.status();
  if (existing.value())
    return Status::AlreadyExists("organisation " + organization + " already has keys; use rotate for a new version");
  const crypto::KeyPair keys = crypto::GenerateKeyPair();
  const crypto::SecureBuffer recovery = crypto::RandomKey();
  auto version = keys_.AddOrgKey(organization, keys.public_key, crypto::Wrap(keys.secret_key.view(), recovery, RecoveryAd(organization, 1)), now_());
  if (!version.ok()) return version.status();
  Audit(actor, "create_org_keys", organization, "version 1");
  return crypto::FormatRecoveryKey(recovery);
}

Result<std::string> Keyring::RotateOrganizationKey(const std::string& organization, const std::string& actor) {
  auto current = keys_.CurrentOrgKey(organization);
  if (!current.ok()) return current.status();
  if (!current.value()) return Status::NotFound("organisation " + organization + " has no keys yet; create them first");
  const int64_t next = current.value()->version + 1;
  const crypto::KeyPair keys = crypto::GenerateKeyPair();
  const crypto::SecureBuffer recovery = crypto::RandomKey();
  auto version = keys_.AddOrgKey(organization, keys.public_key, crypto::Wrap(keys.secret_key.view(), recovery, RecoveryAd(organization, next)), now_());
  if (!version.ok()) return version.status();
  if (version.value() != next) return Status::Internal("key versions changed during rotation; run it again");
  // Everyone who could read this organisation's requests keeps that access.
  auto grants = keys_.GrantsFor(organization);
  if (!grants.ok()) return grants.status();
  std::vector<int64_t> done;
  for (const auto& grant : grants.value()) {
    if (std::find(done.begin(), done.end(), grant.staff_id) != done.end()) continue;
    auto staff = keys_.StaffById(grant.staff_id);
    if (!staff.ok() || !staff.value()) continue;
    if (Status s = Grant(grant.staff_id, staff.value()->public_key, organization, next, keys.secret_key); !s.ok()) return s;
    done.push_back(grant.staff_id);
  }
  Audit(actor, "rotate_org_keys", organization, "version " + std::to_string(next));
  return crypto::FormatRecoveryKey(recovery);
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
  auto id = keys_.AddStaff(row);
  if (!id.ok()) return id.status();
  Audit(actor, "add_staff", staff.partner_of.value_or(""), staff.email);
  return id;
}

Status Keyring::RemoveStaff(const std::string& email, const std::string& actor) {
  auto staff = keys_.StaffByEmail(email);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) return Status::NotFound("no staff member with e-mail " + email);
  if (Status s = keys_.RemoveStaff(staff.value()->id); !s.ok()) return s;
  Audit(actor, "remove_staff", staff.value()->partner_of.value_or(""), email);
  return Status::Ok();
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
  int granted = 0;
  for (const auto& version : versions.value()) {
    auto secret = crypto::Unwrap(version.recovery_wrapped, recovery, RecoveryAd(organization, version.version));
    if (!secret.ok()) continue;  // another version's sheet
    if (Status s = Grant(staff.value()->id, staff.value()->public_key, organization, version.version, secret.value()); !s.ok())
      return s;
    ++granted;
  }
  if (granted == 0) return Status::InvalidArgument("this recovery key opens none of " + organization + "'s key versions");
  Audit(actor, "grant_with_recovery_key", organization, email);
  return Status::Ok();
}

Status Keyring::GrantFromSecrets(const std::vector<OrgSecret>& secrets, const std::string& organization,
                                 const std::string& email, const std::string& actor) {
  auto staff = keys_.StaffByEmail(email);
  if (!staff.ok()) return staff.status();
  if (!staff.value()) return Status::NotFound("no staff member with e-mail " + email);
  if (staff.value()->partner_of != organization)
    return Status::FailedPrecondition(email + " is not a partner of " + organization);
  int granted = 0;
  for (const OrgSecret& secret : secrets) {
    if (secret.organization != organization) continue;
    if (Status s = Grant(staff.value()->id, staff.value()->public_key, organization, secret.version, secret.keys.secret_key); !s.ok())
      return s;
    ++granted;
  }
  if (granted == 0) return Status::FailedPrecondition("you hold no keys of " + organization + " to share");
  Audit(actor, "grant", organization, email);
  return Status::Ok();
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
  Audit(row.email, "strengthen_password_hash", row.partner_of.value_or(""),
        "argon2id ops " + std::to_string(ops) + " -> " + std::to_string(stronger.ops) + ", memory " +
            std::to_string(mem >> 10) + " -> " + std::to_string(stronger.mem >> 10) + " KiB");
}

Result<LoginResult> Keyring::Login(const std::string& email, const std::string& password) {
  const Status refused = Status::InvalidArgument("the e-mail address or password is not right");
  auto found = keys_.StaffByEmail(email);
  if (!found.ok()) return found.status();
  if (!found.value()) {
    (void)crypto::DeriveKeyFromPassword(password, DummySalt(), kdf_);
    return refused;
  }
  const store::StaffRow& row = *found.value();
  const crypto::KdfParams params{static_cast<uint64_t>(row.kdf_ops), static_cast<uint64_t>(row.kdf_mem)};
  auto key = crypto::DeriveKeyFromPassword(password, row.kdf_salt, params);
  if (!key.ok()) return key.status();
  auto staff_secret = crypto::Unwrap(row.wrapped_secret, key.value(), StaffAd(row.email));
  if (!staff_secret.ok()) {
    keys_.SetFailedLogins(row.id, row.failed_logins + 1);
    Audit(row.email, "login_failed", row.partner_of.value_or(""), "");
    std::this_thread::sleep_for(std::chrono::milliseconds(LoginDelayMilliseconds(row.failed_logins + 1)));
    return refused;
  }
  if (row.failed_logins) keys_.SetFailedLogins(row.id, 0);
  StrengthenWrapping(row, password, staff_secret.value());
  LoginResult result{IdentityOf(row), {}};
  const crypto::KeyPair staff_keys{row.public_key, std::move(staff_secret.value())};
  auto grants = keys_.GrantsOf(row.id);
  if (!grants.ok()) return grants.status();
  for (const auto& grant : grants.value()) {
    auto org_secret = crypto::Open(grant.sealed_secret, staff_keys);
    if (!org_secret.ok()) return Status::Corruption("a grant of " + row.email + " cannot be opened");
    crypto::KeyPair org_keys{crypto::PublicKeyOf(org_secret.value()), std::move(org_secret.value())};
    result.secrets.push_back({grant.organization, grant.version, std::move(org_keys)});
  }
  Audit(row.email, "login", row.partner_of.value_or(""), "");
  return result;
}

}  // namespace hw::domain

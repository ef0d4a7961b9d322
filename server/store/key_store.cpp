#include "store/key_store.h"

namespace hw::store {
namespace {

constexpr const char* kStaffColumns =
    "id, email, partner_of, is_editor, is_admin, public_key, wrapped_secret, kdf_salt, kdf_ops, kdf_mem, "
    "failed_logins, created_at";

StaffRow ReadStaff(const Statement& s) {
  return {s.Int(0),  s.Text(1), s.OptionalText(2), s.Int(3) != 0, s.Int(4) != 0, s.Blob(5), s.Blob(6),
          s.Blob(7), s.Int(8),  s.Int(9),          s.Int(10),     s.Int(11)};
}

constexpr const char* kOrgKeyColumns = "organization, version, public_key, recovery_wrapped, created_at, recovery_sealed";

OrgKeyRow ReadOrgKey(const Statement& s) { return {s.Text(0), s.Int(1), s.Blob(2), s.Blob(3), s.Int(4), s.Int(5) != 0}; }

}  // namespace

Result<int64_t> KeyStore::AddOrgKey(const std::string& organization, const std::string& public_key,
                                    const std::string& recovery_wrapped, bool recovery_sealed, int64_t now) {
  int64_t version = 0;
  const Status status = db_.Transaction([&]() -> Status {
    auto next = db_.Prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM org_keys WHERE organization = ?1");
    if (!next.ok()) return next.status();
    next->Bind(1, organization);
    if (!next->Step()) return Status::IoError("cannot read key versions");
    version = next->Int(0);
    auto insert = db_.Prepare(
        "INSERT INTO org_keys (organization, version, public_key, recovery_wrapped, created_at, recovery_sealed) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, organization).Bind(2, version).BindBlob(3, public_key).BindBlob(4, recovery_wrapped).Bind(5, now);
    insert->Bind(6, int64_t{recovery_sealed});
    return insert->Run();
  });
  if (!status.ok()) return status;
  return version;
}

Result<std::optional<OrgKeyRow>> KeyStore::CurrentOrgKey(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(std::string("SELECT ") + kOrgKeyColumns +
                       " FROM org_keys WHERE organization = ?1 ORDER BY version DESC LIMIT 1");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  return One<OrgKeyRow>(s.value(), ReadOrgKey);
}

Result<std::vector<OrgKeyRow>> KeyStore::OrgKeys(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(std::string("SELECT ") + kOrgKeyColumns + " FROM org_keys WHERE organization = ?1 ORDER BY version");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  return All<OrgKeyRow>(s.value(), ReadOrgKey);
}

Result<int64_t> KeyStore::DeleteUnusedOldOrgKeys() {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "DELETE FROM org_keys WHERE version < (SELECT MAX(o.version) FROM org_keys AS o "
      "WHERE o.organization = org_keys.organization) AND NOT EXISTS (SELECT 1 FROM contact_requests AS r "
      "WHERE r.organization = org_keys.organization AND r.key_version = org_keys.version)");
  if (!s.ok()) return s.status();
  const Status status = s->Run();
  if (!status.ok()) return status;
  return static_cast<int64_t>(sqlite3_changes(db_.handle()));
}

Result<std::optional<std::string>> KeyStore::RecoveryPublicKey(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT public_key FROM org_recovery WHERE organization = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  return One<std::string>(s.value(), [](const Statement& r) { return r.Blob(0); });
}

Status KeyStore::SetRecoveryPublicKey(const std::string& organization, const std::string& public_key, int64_t now) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("INSERT OR REPLACE INTO org_recovery (organization, public_key, created_at) VALUES (?1, ?2, ?3)");
  if (!s.ok()) return s.status();
  s->Bind(1, organization).BindBlob(2, public_key).Bind(3, now);
  return s->Run();
}

Status KeyStore::ScrubWal() { return db_.CheckpointTruncate(); }

Result<int64_t> KeyStore::AddStaff(const StaffRow& staff) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "INSERT INTO staff (email, partner_of, is_editor, is_admin, public_key, wrapped_secret, kdf_salt, kdf_ops, kdf_mem, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!s.ok()) return s.status();
  s->Bind(1, staff.email).BindOptional(2, staff.partner_of).Bind(3, int64_t{staff.is_editor}).Bind(4, int64_t{staff.is_admin});
  s->BindBlob(5, staff.public_key).BindBlob(6, staff.wrapped_secret).BindBlob(7, staff.kdf_salt);
  s->Bind(8, staff.kdf_ops).Bind(9, staff.kdf_mem).Bind(10, staff.created_at);
  const Status status = s->Run();
  if (!status.ok()) {
    if (status.message().find("UNIQUE") != std::string::npos)
      return Status::AlreadyExists("a staff member with e-mail " + staff.email + " already exists");
    return status;
  }
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_.handle()));
}

Result<std::optional<StaffRow>> KeyStore::StaffByEmail(const std::string& email) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE email = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, email);
  return One<StaffRow>(s.value(), ReadStaff);
}

Result<std::optional<StaffRow>> KeyStore::StaffById(int64_t id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  return One<StaffRow>(s.value(), ReadStaff);
}

Result<std::vector<StaffRow>> KeyStore::AllStaff() {
  auto lock = db_.Lock();
  auto s = db_.Prepare(std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY email");
  if (!s.ok()) return s.status();
  return All<StaffRow>(s.value(), ReadStaff);
}

Status KeyStore::RemoveStaff(int64_t id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("DELETE FROM staff WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id);
  return s->Run();
}

Status KeyStore::RewrapStaffSecret(int64_t id, const std::string& wrapped_secret, const std::string& kdf_salt,
                                   int64_t kdf_ops, int64_t kdf_mem) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("UPDATE staff SET wrapped_secret = ?2, kdf_salt = ?3, kdf_ops = ?4, kdf_mem = ?5 WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, id).BindBlob(2, wrapped_secret).BindBlob(3, kdf_salt).Bind(4, kdf_ops).Bind(5, kdf_mem);
  return s->Run();
}

Status KeyStore::PutGrant(const GrantRow& grant) {
  auto lock = db_.Lock();
  auto s = db_.Prepare(
      "INSERT OR REPLACE INTO grants (staff_id, organization, version, sealed_secret) VALUES (?1, ?2, ?3, ?4)");
  if (!s.ok()) return s.status();
  s->Bind(1, grant.staff_id).Bind(2, grant.organization).Bind(3, grant.version).BindBlob(4, grant.sealed_secret);
  return s->Run();
}

Result<std::vector<GrantRow>> KeyStore::GrantsOf(int64_t staff_id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT staff_id, organization, version, sealed_secret FROM grants WHERE staff_id = ?1 ORDER BY version");
  if (!s.ok()) return s.status();
  s->Bind(1, staff_id);
  return All<GrantRow>(s.value(), [](const Statement& r) { return GrantRow{r.Int(0), r.Text(1), r.Int(2), r.Blob(3)}; });
}

Result<std::vector<GrantRow>> KeyStore::GrantsFor(const std::string& organization) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("SELECT staff_id, organization, version, sealed_secret FROM grants WHERE organization = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, organization);
  return All<GrantRow>(s.value(), [](const Statement& r) { return GrantRow{r.Int(0), r.Text(1), r.Int(2), r.Blob(3)}; });
}

Status KeyStore::RemoveGrants(int64_t staff_id) {
  auto lock = db_.Lock();
  auto s = db_.Prepare("DELETE FROM grants WHERE staff_id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, staff_id);
  return s->Run();
}

}  // namespace hw::store

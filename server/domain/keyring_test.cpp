#include "domain/keyring.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "domain/contact_requests.h"
#include "domain/session_vault.h"
#include "domain/work_for_tests.h"
#include "store/migrations.h"

namespace hw::domain {
namespace {

// A migrated database in a fresh folder, with the stores and services over it.
struct Fixture {
  std::string dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::KeyStore> keys;
  std::unique_ptr<store::AuditStore> audit;
  std::unique_ptr<store::RequestStore> requests;
  int64_t now = 1'800'000'000;
  std::unique_ptr<Keyring> keyring;
  ProofOfWork work{WorkPolicy{8, 4, 10, 600, 1000}};
  std::unique_ptr<ContactRequests> contact;

  explicit Fixture(int64_t max_open = kMaxOpenRequestsPerOrganization) {
    char pattern[] = "/tmp/hw-keyring-XXXXXX";
    dir = mkdtemp(pattern);
    db = std::move(store::Database::Open(dir + "/k.db").value());
    REQUIRE(store::Migrate(*db).ok());
    keys = std::make_unique<store::KeyStore>(*db);
    audit = std::make_unique<store::AuditStore>(*db);
    requests = std::make_unique<store::RequestStore>(*db);
    keyring = std::make_unique<Keyring>(*keys, *audit, [this] { return now; }, crypto::KdfParams::FastForTests());
    contact = std::make_unique<ContactRequests>(
        *requests, *keys, *audit, work,
        [](const std::string& id) -> std::optional<ContactTarget> {
          return ContactTarget{id == "11111111-1111-4111-8111-111111111111" ? "moviera" : "fier", {{"nl", "M"}}, true,
                               {{"nl", "snel"}}};
        },
        [this] { return now; }, max_open);
  }
  ~Fixture() { std::filesystem::remove_all(dir); }

  std::string Submit(const std::string& message, const std::string& org_id = "11111111-1111-4111-8111-111111111111") {
    ContactRequestCheck check;
    check.organization_id = org_id;
    check.content = {{"channel", "phone"}, {"phone", "0612345678"}, {"message", message}};
    auto submitted = contact->Submit(check, Proof(org_id));
    REQUIRE(submitted.ok());
    return submitted->id;
  }
  WorkProof Proof(const std::string& org_id = "11111111-1111-4111-8111-111111111111") {
    return testing::Solve(contact->Challenge(org_id).value());
  }
};

TEST_CASE("a partner reads requests with keys unwrapped at login", "[keyring]") {
  Fixture f;
  auto recovery = f.keyring->CreateOrganizationKeys("moviera", "test");
  REQUIRE(recovery.ok());
  REQUIRE(f.keyring->AddStaff({"p@m.test", "password of twelve", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const std::string id = f.Submit("SECRET-ONE");

  auto login = f.keyring->Login("p@m.test", "password of twelve");
  REQUIRE(login.ok());
  REQUIRE(login->secrets.size() == 1);
  auto opened = f.contact->Open(login->staff, login->secrets, id);
  REQUIRE(opened.ok());
  CHECK(opened.value()["request"]["message"] == "SECRET-ONE");

  SECTION("a wrong password fails and slows the next tries") {
    CHECK(f.keyring->Login("p@m.test", "password of twelvE").status().code() == StatusCode::kInvalidArgument);
    CHECK(f.keyring->Login("nobody@m.test", "password of twelve").status().code() == StatusCode::kInvalidArgument);
    CHECK(Keyring::LoginDelayMilliseconds(2) == 0);
    CHECK(Keyring::LoginDelayMilliseconds(3) == 1000);
    CHECK(Keyring::LoginDelayMilliseconds(4) == 2000);
    CHECK(Keyring::LoginDelayMilliseconds(50) == 8000);
    CHECK(f.keyring->Login("p@m.test", "password of twelve").ok());  // the owner is never locked out
  }
  SECTION("a revoked grant opens nothing any more") {
    REQUIRE(f.keys->RemoveGrants(login->staff.id).ok());
    auto again = f.keyring->Login("p@m.test", "password of twelve");
    REQUIRE(again.ok());
    CHECK(again->secrets.empty());
    CHECK(f.contact->Open(again->staff, again->secrets, id).status().code() == StatusCode::kFailedPrecondition);
  }
  SECTION("rotation: new requests use the new key; grantees read both") {
    auto second = f.keyring->RotateOrganizationKey("moviera", "test");
    REQUIRE(second.ok());
    CHECK(second.value() != recovery.value());
    const std::string newer = f.Submit("SECRET-TWO");
    CHECK(f.requests->Get(newer).value()->key_version == 2);
    auto again = f.keyring->Login("p@m.test", "password of twelve");
    REQUIRE(again->secrets.size() == 2);
    CHECK(f.contact->Open(again->staff, again->secrets, id).value()["request"]["message"] == "SECRET-ONE");
    CHECK(f.contact->Open(again->staff, again->secrets, newer).value()["request"]["message"] == "SECRET-TWO");
    // Version 1 is destroyed once its last request is gone.
    CHECK(f.keys->DeleteUnusedOldOrgKeys().value() == 0);
    REQUIRE(f.contact->Delete(again->staff, id).ok());
    CHECK(f.keys->DeleteUnusedOldOrgKeys().value() == 1);
    CHECK(f.keys->OrgKeys("moviera").value().size() == 1);
  }
  SECTION("recovery: a new partner gets access with the printed key only") {
    REQUIRE(f.keyring->AddStaff({"q@m.test", "another password", std::string("moviera"), false, false}, "test").ok());
    CHECK_FALSE(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", "not a key", "test").ok());
    auto other_recovery = f.keyring->CreateOrganizationKeys("fier", "test");
    CHECK(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", other_recovery.value(), "test").code() ==
          StatusCode::kInvalidArgument);
    REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", recovery.value(), "test").ok());
    auto q = f.keyring->Login("q@m.test", "another password");
    CHECK(f.contact->Open(q->staff, q->secrets, id).ok());
  }
  SECTION("another organisation's partner sees nothing") {
    REQUIRE(f.keyring->AddStaff({"f@f.test", "fier password 1", std::string("fier"), false, false}, "test").ok());
    auto fier = f.keyring->Login("f@f.test", "fier password 1");
    CHECK(f.contact->Open(fier->staff, fier->secrets, id).status().code() == StatusCode::kNotFound);
    CHECK(f.contact->List(fier->staff).value().empty());
  }
  SECTION("the audit log records who did what, never content") {
    auto rows = f.audit->Recent(100).value();
    bool opened_logged = false;
    for (const auto& row : rows) {
      opened_logged = opened_logged || (row.action == "open_request" && row.target == id);
      CHECK(row.target.find("SECRET") == std::string::npos);
    }
    CHECK(opened_logged);
  }
}

TEST_CASE("only partners handle requests, and only their own", "[keyring]") {
  Fixture f;
  REQUIRE(f.keyring->CreateOrganizationKeys("moviera", "test").ok());
  const std::string id = f.Submit("x");
  const StaffIdentity editor{1, "e@x.test", std::nullopt, true, false};
  const StaffIdentity admin{2, "a@x.test", std::nullopt, false, true};
  for (const auto& who : {editor, admin}) {
    CHECK(f.contact->List(who).status().code() == StatusCode::kPermissionDenied);
    CHECK(f.contact->Open(who, {}, id).status().code() == StatusCode::kPermissionDenied);
    CHECK(f.contact->Delete(who, id).code() == StatusCode::kPermissionDenied);
  }
  CHECK_FALSE(f.keyring->AddStaff({"n@x.test", "password of twelve", std::nullopt, false, false}, "t").ok());
  CHECK_FALSE(f.keyring->AddStaff({"n@x.test", "short", std::string("moviera"), false, false}, "t").ok());
  CHECK_FALSE(f.keyring->AddStaff({"not-an-email", "password of twelve", std::string("moviera"), false, false}, "t").ok());
}

TEST_CASE("an organisation's open requests are bounded, not its rate, and closing some makes room", "[contact]") {
  Fixture f(3);
  REQUIRE(f.keyring->CreateOrganizationKeys("moviera", "test").ok());
  REQUIRE(f.keyring->CreateOrganizationKeys("fier", "test").ok());
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(f.Submit("R" + std::to_string(i)));
  ContactRequestCheck fourth;
  fourth.organization_id = "11111111-1111-4111-8111-111111111111";
  fourth.content = {{"channel", "phone"}, {"phone", "0612345678"}};
  CHECK(f.contact->Submit(fourth, f.Proof()).status().code() == StatusCode::kResourceExhausted);
  CHECK(f.requests->CountAll().value() == 3);  // nothing stored
  f.Submit("another organisation is not affected", "22222222-2222-4222-8222-222222222222");

  REQUIRE(f.requests->SetStatus(ids[0], "in_progress", f.now).ok());  // being handled is still open
  CHECK(f.contact->Submit(fourth, f.Proof()).status().code() == StatusCode::kResourceExhausted);
  REQUIRE(f.requests->SetStatus(ids[1], "closed", f.now).ok());
  CHECK(f.contact->Submit(fourth, f.Proof()).ok());
  CHECK(f.contact->Submit(fourth, f.Proof()).status().code() == StatusCode::kResourceExhausted);
  CHECK(f.requests->CountAll().value() == 5);
}

TEST_CASE("a flood is dealt with as a batch: a time window, one view, one audited delete", "[contact]") {
  Fixture f;
  auto recovery = f.keyring->CreateOrganizationKeys("moviera", "test");
  REQUIRE(recovery.ok());
  REQUIRE(f.keyring->CreateOrganizationKeys("fier", "test").ok());
  REQUIRE(f.keyring->AddStaff({"p@m.test", "password of twelve", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const std::string real = f.Submit("REAL-BEFORE");
  f.now += 100;
  std::vector<std::string> flood;
  for (int i = 0; i < 5; ++i) flood.push_back(f.Submit("FAKE-" + std::to_string(i)));
  const std::string other = f.Submit("FIER", "22222222-2222-4222-8222-222222222222");
  f.now += 100;
  auto login = f.keyring->Login("p@m.test", "password of twelve");
  REQUIRE(login.ok());

  auto window = f.contact->ListWindow(login->staff, f.now - 150, f.now - 50);
  REQUIRE(window.ok());
  REQUIRE(window->size() == 5);  // the flood only: not the request before it, not fier's
  std::vector<std::string> shown;
  for (const auto& row : window.value()) shown.push_back(row.id);

  auto opened = f.contact->OpenBatch(login->staff, login->secrets, shown);
  REQUIRE(opened.ok());
  REQUIRE(opened->size() == 5);
  CHECK(opened.value()[0]["request"]["message"].get<std::string>().rfind("FAKE-", 0) == 0);

  SECTION("another organisation's request in the batch: nothing is deleted") {
    std::vector<std::string> mixed = shown;
    mixed.push_back(other);
    CHECK(f.contact->DeleteBatch(login->staff, mixed).status().code() == StatusCode::kNotFound);
    CHECK(f.requests->CountAll().value() == 7);
  }
  SECTION("one action deletes them all, with one audit entry naming each") {
    const int64_t audit_before = f.audit->Recent(1000).value().size();
    auto deleted = f.contact->DeleteBatch(login->staff, shown);
    REQUIRE(deleted.ok());
    CHECK(deleted.value() == 5);
    CHECK(f.requests->CountAll().value() == 2);
    CHECK(f.requests->Get(real).value().has_value());
    const auto entries = f.audit->Recent(1000).value();
    REQUIRE(static_cast<int64_t>(entries.size()) == audit_before + 1);
    const auto& entry = entries.front().action == "delete_requests" ? entries.front() : entries.back();
    CHECK(entry.action == "delete_requests");
    CHECK(entry.actor == "p@m.test");
    for (const auto& id : flood) CHECK(entry.target.find(id) != std::string::npos);
  }
  SECTION("an empty, doubled or too large batch is refused") {
    CHECK(f.contact->DeleteBatch(login->staff, {}).status().code() == StatusCode::kInvalidArgument);
    CHECK(f.contact->DeleteBatch(login->staff, {real, real}).status().code() == StatusCode::kInvalidArgument);
    CHECK(f.contact->OpenBatch(login->staff, login->secrets, std::vector<std::string>(kMaxBatch + 1, real))
              .status().code() == StatusCode::kInvalidArgument);
    CHECK(f.requests->CountAll().value() == 7);
  }
}

TEST_CASE("sessions: expiry, logout wipes, removal", "[session]") {
  SessionVault vault;
  const StaffIdentity staff{7, "p@m.test", std::string("moviera"), false, false};
  std::vector<OrgSecret> secrets;
  crypto::KeyPair keys = crypto::GenerateKeyPair();
  const std::string public_key = keys.public_key;
  secrets.push_back({"moviera", 1, std::move(keys)});
  const auto created = vault.Create(staff, std::move(secrets), 1000);
  CHECK(created.token.size() == 43);
  CHECK(created.csrf_token != created.token);

  REQUIRE(vault.Find(created.token, 1000 + kSessionIdleSeconds, SessionUse::kActivity).has_value());  // touched at the limit
  auto unwrapped = vault.Secrets(created.token);
  REQUIRE(unwrapped.ok());
  CHECK(unwrapped->at(0).keys.public_key == public_key);
  CHECK(crypto::PublicKeyOf(unwrapped->at(0).keys.secret_key) == public_key);
  CHECK_FALSE(vault.Find("forged", 1000, SessionUse::kActivity).has_value());
  CHECK_FALSE(vault.Secrets(created.token + "x").ok());

  SECTION("idle too long") {
    CHECK_FALSE(vault.Find(created.token, 1000 + 2 * kSessionIdleSeconds + 1, SessionUse::kActivity).has_value());
  }
  SECTION("twelve hours at most, even when active") {
    int64_t t = 1000;
    for (; t < 1000 + kSessionMaxSeconds; t += 1200)
      REQUIRE(vault.Find(created.token, t, SessionUse::kActivity).has_value());
    CHECK_FALSE(vault.Find(created.token, 1000 + kSessionMaxSeconds + 1, SessionUse::kActivity).has_value());
  }
  SECTION("logout: gone, and its secrets cannot be unwrapped") {
    vault.Destroy(created.token);
    CHECK_FALSE(vault.Find(created.token, 1001, SessionUse::kActivity).has_value());
    CHECK_FALSE(vault.Secrets(created.token).ok());
    CHECK(vault.size() == 0);
  }
  SECTION("removed staff") {
    vault.DestroyForStaff(7);
    CHECK(vault.size() == 0);
  }
}

TEST_CASE("sessions: only activity restarts the idle timer, a look does not", "[session]") {
  SessionVault vault;
  const auto created = vault.Create({7, "p@m.test", std::string("moviera"), false, false}, {}, 1000);
  // A page that asks every few minutes whether it is still logged in keeps nothing alive.
  for (int64_t t = 1000; t <= 1000 + kSessionIdleSeconds; t += 300) {
    const auto looked = vault.Find(created.token, t, SessionUse::kLookOnly);
    REQUIRE(looked.has_value());
    CHECK(looked->idle_seconds_left == 1000 + kSessionIdleSeconds - t);
  }
  CHECK_FALSE(vault.Find(created.token, 1000 + kSessionIdleSeconds + 1, SessionUse::kLookOnly).has_value());
  CHECK(vault.size() == 0);

  const auto other = vault.Create({7, "p@m.test", std::string("moviera"), false, false}, {}, 1000);
  const auto used = vault.Find(other.token, 1000 + kSessionIdleSeconds, SessionUse::kActivity);
  REQUIRE(used.has_value());
  CHECK(used->idle_seconds_left == kSessionIdleSeconds);
  CHECK(vault.Find(other.token, 1000 + 2 * kSessionIdleSeconds, SessionUse::kLookOnly).has_value());
  // Ten minutes before the 12-hour limit, ten minutes are left, however active.
  const int64_t late = 1000 + kSessionMaxSeconds - 600;
  for (int64_t t = 1000 + 2 * kSessionIdleSeconds; t < late; t += 1200)
    REQUIRE(vault.Find(other.token, t, SessionUse::kActivity).has_value());
  const auto near_the_end = vault.Find(other.token, late, SessionUse::kActivity);
  REQUIRE(near_the_end.has_value());
  CHECK(near_the_end->idle_seconds_left == 600);
}

}  // namespace
}  // namespace hw::domain

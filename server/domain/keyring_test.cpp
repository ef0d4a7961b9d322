#include "domain/keyring.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "crypto/key_wrap.h"
#include "crypto/tokens.h"
#include "domain/contact_requests.h"
#include "domain/session_vault.h"
#include "domain/work_for_tests.h"
#include "store/migrated_database_for_tests.h"

namespace hw::domain {
namespace {

// A migrated database in a fresh folder, with the stores and services over it.
struct Fixture {
  store::MigratedDatabase base{"hw-keyring"};
  store::Database* db = base.db.get();
  std::unique_ptr<store::KeyStore> keys;
  std::unique_ptr<store::AuditStore> audit;
  std::unique_ptr<store::RequestStore> requests;
  int64_t now = 1'800'000'000;
  std::unique_ptr<Keyring> keyring;
  ProofOfWork work{WorkPolicy{8, 4, 10, 600, 1000}};
  std::unique_ptr<ContactRequests> contact;

  explicit Fixture(int64_t max_open = kMaxOpenRequestsPerOrganization) {
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
  REQUIRE(f.keyring->AddStaff({"p@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const std::string id = f.Submit("SECRET-ONE");

  auto login = f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
  REQUIRE(login.ok());
  REQUIRE(login->secrets.size() == 1);
  auto opened = f.contact->Open(login->staff, login->secrets, id);
  REQUIRE(opened.ok());
  CHECK(opened.value()["request"]["message"] == "SECRET-ONE");

  SECTION("wrong passwords are answered ever later, for unknown addresses alike; the right one at once") {
    for (const std::string email : {"p@m.test", "nobody@m.test"}) {
      std::vector<int64_t> waits;
      for (int i = 0; i < 5; ++i) {
        const LoginAttempt attempt = f.keyring->Login(email, "tulp regen vijver sleuteL");
        CHECK(attempt.result.status().code() == StatusCode::kInvalidArgument);
        CHECK(attempt.result.status().message() == "the e-mail address or password is not right");
        waits.push_back(attempt.answer_after.count());
      }
      CHECK(waits == std::vector<int64_t>{0, 0, 1000, 2000, 4000});
    }
    CHECK(LoginThrottle::DelayMilliseconds(50) == 8000);
    const LoginAttempt owner = f.keyring->Login("P@m.test", "tulp regen vijver sleutel");  // never locked out
    CHECK(owner.result.ok());
    CHECK(owner.answer_after.count() == 0);
    CHECK(f.keyring->Login("p@m.test", "tulp regen vijver sleuteL").answer_after.count() == 0);  // cleared
    int unknown_rows = 0;
    const auto rows = f.audit->Page(store::AuditQuery{});
    for (const auto& row : rows.value()) {
      if (row.action == "login_failed" && row.actor == "unknown account") ++unknown_rows;
      CHECK(row.actor != "nobody@m.test");
    }
    CHECK(unknown_rows == 5);  // the same audit row as a known account's failure
  }
  SECTION("a revoked grant opens nothing any more") {
    REQUIRE(f.keys->RemoveGrants(login->staff.id).ok());
    auto again = f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
    REQUIRE(again.ok());
    CHECK(again->secrets.empty());
    CHECK(f.contact->Open(again->staff, again->secrets, id).status().code() == StatusCode::kFailedPrecondition);
  }
  SECTION("rotation: new requests use the new key; grantees read both") {
    auto second = f.keyring->RotateOrganizationKey("moviera", "test");
    REQUIRE(second.ok());
    CHECK(second->version == 2);
    CHECK_FALSE(second->recovery_key.has_value());  // the printed sheet stays valid
    const std::string newer = f.Submit("SECRET-TWO");
    CHECK(f.requests->Get(newer).value()->key_version == 2);
    auto again = f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
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
    REQUIRE(f.keyring->AddStaff({"q@m.test", "kaars fiets molen wolk", std::string("moviera"), false, false}, "test").ok());
    CHECK_FALSE(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", "not a key", "test").ok());
    auto other_recovery = f.keyring->CreateOrganizationKeys("fier", "test");
    CHECK(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", other_recovery.value(), "test").code() ==
          StatusCode::kInvalidArgument);
    REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "q@m.test", recovery.value(), "test").ok());
    auto q = f.keyring->Login("q@m.test", "kaars fiets molen wolk").result;
    CHECK(f.contact->Open(q->staff, q->secrets, id).ok());
  }
  SECTION("another organisation's partner sees nothing") {
    REQUIRE(f.keyring->AddStaff({"f@f.test", "plum orbit kettle zigzag", std::string("fier"), false, false}, "test").ok());
    auto fier = f.keyring->Login("f@f.test", "plum orbit kettle zigzag").result;
    CHECK(f.contact->Open(fier->staff, fier->secrets, id).status().code() == StatusCode::kNotFound);
    CHECK(f.contact->List(fier->staff).value().empty());
  }
  SECTION("the audit log records who did what, never content") {
    auto rows = f.audit->Page({}).value();
    bool opened_logged = false;
    for (const auto& row : rows) {
      opened_logged = opened_logged || (row.action == "open_request" && row.target == id);
      CHECK(row.target.find("SECRET") == std::string::npos);
    }
    CHECK(opened_logged);
  }
}

TEST_CASE("removing a partner rotates the key: new requests are closed to them, open to the rest", "[keyring]") {
  Fixture f;
  auto recovery = f.keyring->CreateOrganizationKeys("moviera", "test");
  REQUIRE(recovery.ok());
  REQUIRE(f.keyring->AddStaff({"stays@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->AddStaff({"leaves@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "stays@m.test", recovery.value(), "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "leaves@m.test", recovery.value(), "test").ok());
  auto leaver = f.keyring->Login("leaves@m.test", "tulp regen vijver sleutel").result;  // what they could carry off
  REQUIRE(leaver.ok());

  auto rotations = f.keyring->RemoveStaff("leaves@m.test", "test");
  REQUIRE(rotations.ok());
  REQUIRE(rotations->size() == 1);
  CHECK(rotations->at(0).version == 2);
  CHECK_FALSE(rotations->at(0).recovery_key.has_value());
  const std::string after = f.Submit("AFTER-REMOVAL");
  CHECK(f.requests->Get(after).value()->key_version == 2);

  SECTION("the keys the leaver held open nothing new") {
    auto open = f.contact->Open(leaver->staff, leaver->secrets, after);
    CHECK(open.status().code() == StatusCode::kFailedPrecondition);
  }
  SECTION("the colleague and the recovery sheet read it") {
    auto stays = f.keyring->Login("stays@m.test", "tulp regen vijver sleutel").result;
    CHECK(f.contact->Open(stays->staff, stays->secrets, after).value()["request"]["message"] == "AFTER-REMOVAL");
    REQUIRE(f.keyring->AddStaff({"new@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
    REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "new@m.test", recovery.value(), "test").ok());
    auto fresh = f.keyring->Login("new@m.test", "tulp regen vijver sleutel").result;
    CHECK(f.contact->Open(fresh->staff, fresh->secrets, after).value()["request"]["message"] == "AFTER-REMOVAL");
  }
  SECTION("the removal and the rotation are in the audit log") {
    auto rows = f.audit->Page({}).value();
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0].action == "rotate_org_keys");
    CHECK(rows[0].target == "version 2 (removal of leaves@m.test)");
    CHECK(rows[1].action == "remove_staff");
  }
}

TEST_CASE("a request sealed to a key that was rotated meanwhile is not stored under it", "[keyring][contact]") {
  Fixture f;
  REQUIRE(f.keyring->CreateOrganizationKeys("moviera", "test").ok());
  // What a submission that read version 1 just before a removal's rotation would insert.
  REQUIRE(f.keyring->RotateOrganizationKey("moviera", "test").ok());
  const store::RequestRow stale{"stale", "moviera", 1, "sealed to version 1", std::nullopt, "new", f.now, std::nullopt};
  CHECK_FALSE(f.requests->InsertUnlessFull(stale, 10).value());
  CHECK_FALSE(f.requests->Get("stale").value().has_value());
  CHECK(f.requests->Get(f.Submit("x")).value()->key_version == 2);  // Submit uses the current one
}

TEST_CASE("an organisation onboarded before recovery key pairs gets a new sheet at the removal", "[keyring]") {
  Fixture f;
  // Its state after migration 4 -> 5: version 1 wrapped under its own sheet, no recovery public key.
  const crypto::KeyPair v1 = crypto::GenerateKeyPair();
  const crypto::SecureBuffer old_sheet = crypto::RandomKey();
  REQUIRE(f.keys->AddOrgKey("moviera", v1.public_key, crypto::Wrap(v1.secret_key.view(), old_sheet, "org-recovery:moviera:1"),
                            false, f.now).ok());
  const std::string old_text = crypto::FormatRecoveryKey(old_sheet);
  REQUIRE(f.keyring->AddStaff({"leaves@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "leaves@m.test", old_text, "test").ok());

  auto rotations = f.keyring->RemoveStaff("leaves@m.test", "test");
  REQUIRE(rotations.ok());
  REQUIRE(rotations->size() == 1);
  REQUIRE(rotations->at(0).recovery_key.has_value());
  const std::string after = f.Submit("AFTER");
  REQUIRE(f.keyring->AddStaff({"new@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "new@m.test", old_text, "test").ok());  // version 1 only
  auto only_old = f.keyring->Login("new@m.test", "tulp regen vijver sleutel").result;
  CHECK(f.contact->Open(only_old->staff, only_old->secrets, after).status().code() == StatusCode::kFailedPrecondition);
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "new@m.test", *rotations->at(0).recovery_key, "test").ok());
  auto both = f.keyring->Login("new@m.test", "tulp regen vijver sleutel").result;
  CHECK(f.contact->Open(both->staff, both->secrets, after).value()["request"]["message"] == "AFTER");
  // And from then on the new sheet stays valid through rotations.
  auto next = f.keyring->RotateOrganizationKey("moviera", "test");
  REQUIRE(next.ok());
  CHECK_FALSE(next->recovery_key.has_value());
}

TEST_CASE("an action whose audit entry cannot be written does not happen", "[keyring][audit]") {
  Fixture f;
  auto recovery = f.keyring->CreateOrganizationKeys("moviera", "test");
  REQUIRE(f.keyring->AddStaff({"p@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const std::string id = f.Submit("SECRET-UNSEEN");
  auto login = f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
  REQUIRE(login.ok());
  REQUIRE(f.db->Exec("CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END").ok());

  auto opened = f.contact->Open(login->staff, login->secrets, id);
  CHECK(opened.status().code() == StatusCode::kUnavailable);
  CHECK_THAT(opened.status().message(), Catch::Contains("audit log"));
  CHECK(f.contact->Update(login->staff, id, {std::string("closed"), std::nullopt}).code() == StatusCode::kUnavailable);
  CHECK(f.requests->Get(id).value()->status == "new");
  CHECK(f.contact->Delete(login->staff, id).code() == StatusCode::kUnavailable);
  CHECK(f.requests->Get(id).value().has_value());
  CHECK_FALSE(f.keyring->RemoveStaff("p@m.test", "test").ok());
  CHECK(f.keys->StaffByEmail("p@m.test").value().has_value());
  CHECK(f.keys->OrgKeys("moviera").value().size() == 1);  // no rotation either
  CHECK(f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result.status().code() == StatusCode::kUnavailable);
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
  CHECK_FALSE(f.keyring->AddStaff({"n@x.test", "tulp regen vijver sleutel", std::nullopt, false, false}, "t").ok());
  CHECK_FALSE(f.keyring->AddStaff({"n@x.test", "short", std::string("moviera"), false, false}, "t").ok());
  CHECK_FALSE(f.keyring->AddStaff({"not-an-email", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "t").ok());
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
  REQUIRE(f.keyring->AddStaff({"p@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const std::string real = f.Submit("REAL-BEFORE");
  f.now += 100;
  std::vector<std::string> flood;
  for (int i = 0; i < 5; ++i) flood.push_back(f.Submit("FAKE-" + std::to_string(i)));
  const std::string other = f.Submit("FIER", "22222222-2222-4222-8222-222222222222");
  f.now += 100;
  auto login = f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
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
    const int64_t audit_before = f.audit->Page(store::AuditQuery{0, 500, "", "", ""}).value().size();
    auto deleted = f.contact->DeleteBatch(login->staff, shown);
    REQUIRE(deleted.ok());
    CHECK(deleted.value() == 5);
    CHECK(f.requests->CountAll().value() == 2);
    CHECK(f.requests->Get(real).value().has_value());
    const auto entries = f.audit->Page(store::AuditQuery{0, 500, "", "", ""}).value();
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

namespace hw::domain {
namespace {

// Issue 12, finding 7: accounts made under weaker Argon2id parameters are re-wrapped under
// the current ones at their next successful login, and keep every grant.
TEST_CASE("a login raises Argon2id parameters below the current ones", "[keyring]") {
  Fixture f;
  auto recovery = f.keyring->CreateOrganizationKeys("moviera", "test");
  REQUIRE(recovery.ok());
  REQUIRE(f.keyring->AddStaff({"p@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
  REQUIRE(f.keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  const auto weak = f.keys->StaffByEmail("p@m.test").value().value();

  const crypto::KdfParams fast = crypto::KdfParams::FastForTests();
  const crypto::KdfParams stronger{fast.ops + 1, fast.mem * 2};
  Keyring upgraded(*f.keys, *f.audit, [&f] { return f.now; }, stronger);

  CHECK_FALSE(upgraded.Login("p@m.test", "tulp regen vijver sleuteL").result.ok());
  CHECK(f.keys->StaffByEmail("p@m.test").value()->kdf_ops == weak.kdf_ops);  // a wrong password changes nothing

  auto login = upgraded.Login("p@m.test", "tulp regen vijver sleutel").result;
  REQUIRE(login.ok());
  const auto strong = f.keys->StaffByEmail("p@m.test").value().value();
  CHECK(strong.kdf_ops == static_cast<int64_t>(stronger.ops));
  CHECK(strong.kdf_mem == static_cast<int64_t>(stronger.mem));
  CHECK(strong.kdf_salt != weak.kdf_salt);
  CHECK(strong.wrapped_secret != weak.wrapped_secret);
  CHECK(strong.public_key == weak.public_key);  // the same staff key, only wrapped anew
  auto entries = f.audit->Page(store::AuditQuery{0, 5, "", "", ""}).value();
  CHECK(std::any_of(entries.begin(), entries.end(), [](const auto& e) { return e.action == "strengthen_password_hash"; }));

  auto again = upgraded.Login("p@m.test", "tulp regen vijver sleutel").result;
  REQUIRE(again.ok());
  CHECK(again->secrets.size() == login->secrets.size());
  CHECK(f.keys->StaffByEmail("p@m.test").value()->kdf_salt == strong.kdf_salt);  // already current: left alone
  // A server with the old, weaker parameters never lowers them.
  REQUIRE(f.keyring->Login("p@m.test", "tulp regen vijver sleutel").result.ok());
  CHECK(f.keys->StaffByEmail("p@m.test").value()->kdf_mem == static_cast<int64_t>(stronger.mem));
}

TEST_CASE("a guessable password cannot protect a staff key", "[keyring]") {
  Fixture f;
  const auto added = f.keyring->AddStaff({"p@m.test", "aaaaaaaaaaaa", std::string("moviera"), false, false}, "test");
  REQUIRE_FALSE(added.ok());
  CHECK(added.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(added.status().message(), Catch::Contains("too easy to guess"));
  CHECK_FALSE(f.keys->StaffByEmail("p@m.test").value().has_value());
}

}  // namespace
}  // namespace hw::domain

#include "domain/staff_sessions.h"

#include <catch2/catch.hpp>

#include "domain/keyring.h"
#include "store/migrated_database_for_tests.h"

namespace hw::domain {
namespace {

// A migrated database in a fresh folder, one partner with a grant for moviera's key, and
// the sessions over it.
struct Fixture {
  store::MigratedDatabase base{"hw-sessions"};
  store::KeyStore keys{*base.db};
  store::AuditStore audit{*base.db};
  int64_t now = 1'800'000'000;
  std::unique_ptr<Keyring> keyring;
  SessionVault vault;
  std::unique_ptr<StaffSessions> sessions;

  Fixture() {
    keyring = std::make_unique<Keyring>(keys, audit, [this] { return now; }, crypto::KdfParams::FastForTests());
    sessions = std::make_unique<StaffSessions>(vault, keys, audit);
    auto recovery = keyring->CreateOrganizationKeys("moviera", "test");
    REQUIRE(recovery.ok());
    REQUIRE(keyring->AddStaff({"p@m.test", "tulp regen vijver sleutel", std::string("moviera"), false, false}, "test").ok());
    REQUIRE(keyring->GrantWithRecoveryKey("moviera", "p@m.test", recovery.value(), "test").ok());
  }

  // Logs the partner in; returns the session's token.
  std::string LogIn(SessionView* view) {
    auto login = keyring->Login("p@m.test", "tulp regen vijver sleutel").result;
    REQUIRE(login.ok());
    const auto created = sessions->Start(login->staff, std::move(login->secrets), now);
    auto resumed = sessions->Resume(created.token, now);
    REQUIRE(resumed.ok());
    REQUIRE(resumed.value());
    *view = *resumed.value();
    return created.token;
  }
};

TEST_CASE("a session hands out only the keys its person still holds a grant for", "[sessions]") {
  Fixture f;
  SessionView view;
  const std::string token = f.LogIn(&view);
  auto granted = f.sessions->GrantedSecrets(token, view.staff.id);
  REQUIRE(granted.ok());
  CHECK(granted->size() == 1);

  REQUIRE(f.keys.RemoveGrants(view.staff.id).ok());  // the administrator revokes the grant
  granted = f.sessions->GrantedSecrets(token, view.staff.id);
  REQUIRE(granted.ok());
  CHECK(granted->empty());  // at once, in the same session
}

TEST_CASE("removing a staff member ends their sessions at the next request", "[sessions]") {
  Fixture f;
  SessionView view;
  const std::string token = f.LogIn(&view);
  REQUIRE(f.keyring->RemoveStaff("p@m.test", "admin").ok());
  auto resumed = f.sessions->Resume(token, f.now);
  REQUIRE(resumed.ok());
  CHECK_FALSE(resumed.value());
  CHECK(f.vault.size() == 0);
  CHECK(f.sessions->GrantedSecrets(token, view.staff.id).status().code() == StatusCode::kNotFound);
}

TEST_CASE("only the session's own CSRF token lets a request change anything", "[sessions]") {
  Fixture f;
  SessionView view;
  f.LogIn(&view);
  CHECK(StaffSessions::MayChange(view, view.csrf_token));
  CHECK_FALSE(StaffSessions::MayChange(view, ""));
  CHECK_FALSE(StaffSessions::MayChange(view, view.csrf_token.substr(1)));
  std::string flipped = view.csrf_token;
  flipped[0] = flipped[0] == 'a' ? 'b' : 'a';
  CHECK_FALSE(StaffSessions::MayChange(view, flipped));
}

TEST_CASE("a logout ends the session and is in the audit log", "[sessions][audit]") {
  Fixture f;
  SessionView view;
  const std::string token = f.LogIn(&view);
  REQUIRE(f.sessions->End(token, view, f.now).ok());
  auto resumed = f.sessions->Resume(token, f.now);
  REQUIRE(resumed.ok());
  CHECK_FALSE(resumed.value());
  store::AuditQuery query;
  query.action = "logout";
  auto rows = f.audit.Page(query);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK(rows->front().actor == "p@m.test");
  CHECK(rows->front().organization == "moviera");
}

}  // namespace
}  // namespace hw::domain

#include "domain/audit_chain.h"

#include <catch2/catch.hpp>

#include "store/migrations.h"
#include "store/temp_dir_for_tests.h"

namespace hw::domain {
namespace {

struct Log {
  store::TempDir dir{"hw-audit"};
  std::unique_ptr<store::Database> db = std::move(store::Database::Open(dir.File("a.db")).value());
  store::AuditStore audit{*db};

  explicit Log(int schema = -1) { REQUIRE(store::Migrate(*db, schema).ok()); }
  void Add(int n, int64_t at = 1'800'000'000) {
    for (int i = 0; i < n; ++i)
      REQUIRE(audit.Append({0, at + i, i % 2 ? "a@x.test" : "b@x.test", i % 3 ? "open_request" : "set_status:closed",
                            "moviera", "request-" + std::to_string(i)})
                  .ok());
  }
  AuditChainReport Verify() {
    auto report = VerifyAuditChain(audit);
    REQUIRE(report.ok());
    return report.value();
  }
};

TEST_CASE("an intact audit log verifies and reports its head", "[audit]") {
  Log log;
  CHECK(log.Verify().entries == 0);
  log.Add(6);
  const auto report = log.Verify();
  CHECK_FALSE(report.broken_id.has_value());
  CHECK(report.entries == 6);
  CHECK(report.first_chained_id == 1);
  CHECK(report.head_id == 6);
  CHECK(report.head_hash.size() == 64);
}

TEST_CASE("an edited, removed or slipped-in entry breaks the chain where it happened", "[audit]") {
  Log log;
  log.Add(6);
  SECTION("an edited field") {
    REQUIRE(log.db->Exec("UPDATE audit_log SET actor = 'someone@else.test' WHERE id = 3").ok());
    CHECK(log.Verify().broken_id == 3);
    CHECK_THAT(log.Verify().problem, Catch::Contains("changed"));
  }
  SECTION("an entry edited and its hash recomputed: the next link shows it") {
    store::AuditRow row{3, 1, "someone@else.test", "login", "", ""};
    auto previous = log.db->Prepare("SELECT previous_hash FROM audit_log WHERE id = 3");
    REQUIRE(previous->Step());
    const std::string hash = store::AuditEntryHash(previous->Blob(0), row);
    auto update = log.db->Prepare("UPDATE audit_log SET at = 1, actor = ?1, action = 'login', organization = '', "
                                  "target = '', entry_hash = ?2 WHERE id = 3");
    update->Bind(1, row.actor).BindBlob(2, hash);
    REQUIRE(update->Run().ok());
    CHECK(log.Verify().broken_id == 4);
  }
  SECTION("a removed entry") {
    REQUIRE(log.db->Exec("DELETE FROM audit_log WHERE id = 4").ok());
    CHECK(log.Verify().broken_id == 5);
    CHECK_THAT(log.Verify().problem, Catch::Contains("missing"));
  }
  SECTION("an entry without a hash added at the end") {
    REQUIRE(log.db->Exec("INSERT INTO audit_log (id, at, actor, action) VALUES (7, 1, 'x', 'login')").ok());
    CHECK(log.Verify().broken_id == 7);
  }
}

TEST_CASE("a head noted down earlier shows a log cut off at the end or rewritten", "[audit]") {
  Log log;
  log.Add(5);
  const auto noted = log.Verify();
  const NotedHead head{noted.head_id, noted.head_hash};
  log.Add(2);
  CHECK_FALSE(VerifyAuditChain(log.audit, head).value().broken_id.has_value());
  SECTION("cut off at the end") {
    REQUIRE(log.db->Exec("DELETE FROM audit_log WHERE id >= 5").ok());
    CHECK_FALSE(log.Verify().broken_id.has_value());  // the chain alone cannot tell
    const auto report = VerifyAuditChain(log.audit, head).value();
    CHECK(report.broken_id == 5);
    CHECK_THAT(report.problem, Catch::Contains("cut off"));
  }
  SECTION("rewritten from entry 3 on, every hash recomputed") {
    REQUIRE(log.db->Exec("UPDATE audit_log SET actor = 'someone@else.test' WHERE id = 3").ok());
    std::vector<store::ChainedAuditRow> rows;
    REQUIRE(log.audit.ForEach([&](const store::ChainedAuditRow& r) { return rows.push_back(r), true; }).ok());
    std::string previous = rows[1].entry_hash;
    for (size_t i = 2; i < rows.size(); ++i) {
      const std::string hash = store::AuditEntryHash(previous, rows[i].row);
      auto update = log.db->Prepare("UPDATE audit_log SET previous_hash = ?1, entry_hash = ?2 WHERE id = ?3");
      update->BindBlob(1, previous).BindBlob(2, hash).Bind(3, rows[i].row.id);
      REQUIRE(update->Run().ok());
      previous = hash;
    }
    CHECK_FALSE(log.Verify().broken_id.has_value());
    CHECK(VerifyAuditChain(log.audit, head).value().broken_id == 5);
  }
  SECTION("purged by retention: nothing to say") {
    REQUIRE(log.audit.PurgeOlderThan(1'800'000'006).value() == 6);
    const auto report = VerifyAuditChain(log.audit, head).value();
    CHECK_FALSE(report.broken_id.has_value());
    CHECK(report.noted_head_purged);
  }
}

TEST_CASE("the retention purge keeps the chain verifiable", "[audit]") {
  Log log;
  log.Add(5, 1000);
  log.Add(3, 5000);
  CHECK(log.audit.PurgeOlderThan(4000).value() == 5);
  log.Add(1, 6000);
  const auto report = log.Verify();
  CHECK_FALSE(report.broken_id.has_value());
  CHECK(report.entries == 4);
  CHECK(report.first_chained_id == 6);
  CHECK(report.head_id == 9);
}

TEST_CASE("entries from before the chain are counted, not checked, and the chain starts after them", "[audit][store]") {
  Log log(3);
  REQUIRE(log.db->Exec("INSERT INTO audit_log (at, actor, action) VALUES (1, 'old', 'login'), (2, 'old', 'logout')").ok());
  REQUIRE(store::Migrate(*log.db).ok());
  log.Add(2);
  const auto report = log.Verify();
  CHECK_FALSE(report.broken_id.has_value());
  CHECK(report.unchained == 2);
  CHECK(report.first_chained_id == 3);
  REQUIRE(log.db->Exec("UPDATE audit_log SET action = 'nothing' WHERE id = 3").ok());
  CHECK(log.Verify().broken_id == 3);
}

TEST_CASE("the audit view pages and filters by person, action and request", "[audit]") {
  Log log;
  log.Add(10);
  auto first = log.audit.Page({0, 4, "", "", ""}).value();
  REQUIRE(first.size() == 4);
  CHECK(first[0].id == 10);
  auto second = log.audit.Page({first.back().id, 4, "", "", ""}).value();
  REQUIRE(second.size() == 4);
  CHECK(second[0].id == 6);
  CHECK(log.audit.Page({2, 4, "", "", ""}).value().size() == 1);
  const auto by_person = log.audit.Page({0, 100, "A@X.TEST", "", ""}).value();
  CHECK(by_person.size() == 5);
  for (const auto& row : by_person) CHECK(row.actor == "a@x.test");
  CHECK(log.audit.Page({0, 100, "", "set_status", ""}).value().size() == 4);  // the family
  CHECK(log.audit.Page({0, 100, "", "set_status:closed", ""}).value().size() == 4);
  CHECK(log.audit.Page({0, 100, "", "set_stat", ""}).value().empty());  // no loose prefixes
  auto one = log.audit.Page({0, 100, "", "", "request-7"}).value();
  REQUIRE(one.size() == 1);
  CHECK(one[0].id == 8);
}

}  // namespace
}  // namespace hw::domain

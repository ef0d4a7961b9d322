#include "store/migrations.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "store/directory_store.h"
#include "store/temp_dir_for_tests.h"

namespace hw::store {
namespace {

std::string Schema(Database& db) {
  auto statement = db.Prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
  std::string schema;
  while (statement->Step()) schema += statement->Text(0) + " " + statement->Text(1) + " " + statement->Text(2) + "\n";
  return schema;
}

std::string Pragma(Database& db, const std::string& name) {
  auto statement = db.Prepare("PRAGMA " + name);
  return statement->Step() ? statement->Text(0) : "";
}

TEST_CASE("the database is opened with the pragmas the design relies on", "[store]") {
  TempDir dir;
  auto db = Database::Open(dir.File("a.db"));
  REQUIRE(db.ok());
  CHECK(Pragma(*db.value(), "journal_mode") == "wal");
  CHECK(Pragma(*db.value(), "synchronous") == "2");  // FULL
  CHECK(Pragma(*db.value(), "secure_delete") == "1");
  CHECK(Pragma(*db.value(), "foreign_keys") == "1");
}

TEST_CASE("a fresh database and an upgraded one end in the same schema", "[store]") {
  TempDir dir;
  auto fresh = Database::Open(dir.File("fresh.db"));
  REQUIRE(Migrate(*fresh.value()).ok());

  auto upgraded = Database::Open(dir.File("upgraded.db"));
  for (int version = 0; version <= LatestSchemaVersion(); ++version) REQUIRE(Migrate(*upgraded.value(), version).ok());
  REQUIRE(Migrate(*upgraded.value()).ok());  // idempotent

  CHECK(SchemaVersion(*fresh.value()).value() == LatestSchemaVersion());
  CHECK(SchemaVersion(*upgraded.value()).value() == LatestSchemaVersion());
  CHECK(Schema(*fresh.value()) == Schema(*upgraded.value()));
  CHECK_FALSE(Schema(*fresh.value()).empty());
}

TEST_CASE("upgrading keeps keys and audit entries: old key versions stay on their own sheet, old entries unchained", "[store]") {
  TempDir dir;
  auto db = Database::Open(dir.File("v3.db"));
  REQUIRE(Migrate(*db.value(), 3).ok());
  REQUIRE(db.value()->Exec("INSERT INTO org_keys VALUES ('moviera', 1, X'01', X'02', 7);"
                           "INSERT INTO audit_log (at, actor, action) VALUES (8, 'operator', 'create_org_keys')").ok());
  REQUIRE(Migrate(*db.value()).ok());
  auto key = db.value()->Prepare("SELECT version, hex(recovery_wrapped), recovery_sealed FROM org_keys");
  REQUIRE(key->Step());
  CHECK(key->Int(0) == 1);
  CHECK(key->Text(1) == "02");
  CHECK(key->Int(2) == 0);  // wrapped under its own sheet, not sealed to a recovery key pair
  auto recovery = db.value()->Prepare("SELECT COUNT(*) FROM org_recovery");
  REQUIRE(recovery->Step());
  CHECK(recovery->Int(0) == 0);
  auto entry = db.value()->Prepare("SELECT actor, previous_hash IS NULL, entry_hash IS NULL FROM audit_log");
  REQUIRE(entry->Step());
  CHECK(entry->Text(0) == "operator");
  CHECK(entry->Int(1) == 1);
  CHECK(entry->Int(2) == 1);
}

TEST_CASE("a database from a newer program is refused, untouched", "[store]") {
  TempDir dir;
  auto db = Database::Open(dir.File("newer.db"));
  REQUIRE(db.value()->Exec("PRAGMA user_version=" + std::to_string(LatestSchemaVersion() + 5)).ok());
  const Status status = Migrate(*db.value());
  CHECK(status.code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(status.message(), Catch::Contains("newer than this program knows"));
  CHECK(SchemaVersion(*db.value()).value() == LatestSchemaVersion() + 5);
}

TEST_CASE("a file that is not a database gives a clear error", "[store]") {
  TempDir dir;
  std::ofstream(dir.File("garbage.db")) << std::string(8192, 'x');
  auto db = Database::Open(dir.File("garbage.db"));
  if (db.ok()) {
    CHECK_FALSE(Migrate(*db.value()).ok());
  } else {
    CHECK_THAT(db.status().message(), Catch::Contains("garbage.db"));
  }
}

TEST_CASE("a database that cannot be created is reported with its path", "[store]") {
  TempDir dir;
  std::ofstream(dir.File("plain-file")) << "not a folder";
  auto db = Database::Open(dir.File("plain-file") + "/hulpwijzer.db");
  REQUIRE_FALSE(db.ok());
  CHECK_THAT(db.status().message(), Catch::Contains("plain-file/hulpwijzer.db"));
}

TEST_CASE("published versions are appended, the highest is current", "[store]") {
  TempDir dir;
  auto db = Database::Open(dir.File("d.db"));
  REQUIRE(Migrate(*db.value()).ok());
  DirectoryStore store(*db.value());
  CHECK_FALSE(store.Current().value().has_value());
  CHECK(store.Publish("{\"a\":1}", "{\"q\":1}", "test", "first").value() == 1);
  CHECK(store.Publish("{\"a\":2}", "{\"q\":2}", "test", "second").value() == 2);
  const auto current = store.Current().value();
  REQUIRE(current.has_value());
  CHECK(current->version == 2);
  CHECK(current->directory == "{\"a\":2}");
  CHECK(current->published_by == "test");
  CHECK(current->published_at.size() == 20);
}

}  // namespace
}  // namespace hw::store

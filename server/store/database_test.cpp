#include "store/database.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "store/temp_dir_for_tests.h"

namespace hw::store {
namespace {

int64_t CountRows(Database& db) {
  auto statement = db.Prepare("SELECT count(*) FROM t");
  REQUIRE(statement.ok());
  REQUIRE(statement->Step());
  return statement->Int(0);
}

TEST_CASE("a database opened read-only reads, including commits still in the log", "[store]") {
  TempDir dir;
  // '?', '#' and '%' mean something in an SQLite URI; a folder may still be named so.
  const std::filesystem::path odd = dir.path / "a?b#c%20d";
  std::filesystem::create_directory(odd);
  const std::string path = (odd / "x.db").string();
  auto writer = Database::Open(path);
  REQUIRE(writer.ok());
  REQUIRE(writer.value()->Exec("PRAGMA wal_autocheckpoint=0; CREATE TABLE t (a); INSERT INTO t VALUES (1), (2);").ok());
  REQUIRE(std::filesystem::file_size(path + "-wal") > 0);  // the rows are in the log only

  auto reader = Database::OpenReadOnly(path);
  REQUIRE(reader.ok());
  CHECK(CountRows(*reader.value()) == 2);
  const Status write = reader.value()->Exec("INSERT INTO t VALUES (3)");
  CHECK_FALSE(write.ok());
  CHECK(write.message().find("readonly") != std::string::npos);
  CHECK(CountRows(*writer.value()) == 2);
}

TEST_CASE("opening a missing database read-only names it and creates nothing", "[store]") {
  TempDir dir;
  auto reader = Database::OpenReadOnly(dir.File("none.db"));
  REQUIRE_FALSE(reader.ok());
  CHECK(reader.status().code() == StatusCode::kIoError);
  CHECK(reader.status().message().find(dir.File("none.db")) != std::string::npos);
  CHECK(std::filesystem::is_empty(dir.path));
}

}  // namespace
}  // namespace hw::store

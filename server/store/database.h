// A SQLite connection with the pragmas this product relies on (WAL, synchronous=FULL,
// secure_delete=ON, foreign keys, a busy timeout), and prepared statements with RAII.
// One connection serves the whole process. Thread-safe: every store call holds the
// connection's recursive lock (Lock()) while it runs its statements, and Transaction holds
// it for the whole body, so no other thread's statement lands inside a transaction.
// store/ is the only place that runs SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace hw::store {

class Statement;

// The database in a data folder: DIR/hulpwijzer.db. The file's name is spelt only here;
// its -wal and -shm files only in store/.
std::string DatabasePath(const std::string& data_dir);
// Removes the -wal and -shm files beside a database that nobody has open (a restore puts a
// new file in its place; an old journal must not be replayed into it).
void RemoveJournalFiles(const std::string& database_path);

class Database {
 public:
  // Opens (creating if needed) the database file and sets the pragmas.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  // Opens an existing database to read only: never creates, migrates or writes it, so it
  // works beside a running server and on a copy in a read-only folder (a backup, say).
  // There a clean copy has no -shm file and SQLite cannot make one; it is then read as
  // immutable, unless a -wal file that may hold commits is beside it.
  static Result<std::unique_ptr<Database>> OpenReadOnly(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  Result<Statement> Prepare(const std::string& sql);
  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it returns an error.
  // Called inside another Transaction (same thread), it nests as a savepoint and commits
  // with the outer one: so an action and its audit entry can share one transaction.
  Status Transaction(const std::function<Status()>& body);

  // PRAGMA wal_checkpoint(TRUNCATE): after deleting secrets or content, so no old page
  // of them stays in the -wal file. Outside a transaction only.
  Status CheckpointTruncate();

  // Serialises use of this connection across threads. Recursive, so a store method that
  // holds it may call another. Every store class takes it for each call.
  std::unique_lock<std::recursive_mutex> Lock() { return std::unique_lock<std::recursive_mutex>(mutex_); }

  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  std::string LastError() const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Nested(const std::function<Status()>& body);
  sqlite3* db_;
  std::string path_;
  std::recursive_mutex mutex_;
};

// A prepared statement; finalised on destruction. Move-only.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt, sqlite3_finalize) {}
  Statement& Bind(int index, const std::string& text);
  Statement& Bind(int index, int64_t value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindOptional(int index, const std::optional<std::string>& text);
  Statement& BindOptionalBlob(int index, const std::optional<std::string>& bytes);
  // Steps once: true while a row is available. `status` records an error, if any.
  bool Step();
  // Runs to completion (for statements without results).
  Status Run();
  std::string Text(int column) const;
  int64_t Int(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  std::optional<std::string> OptionalBlob(int column) const;
  const Status& status() const { return status_; }

 private:
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_;
  Status status_;
};

// Reading a query's rows: every row (All) or the first, if any (One), each made by
// `read(statement)`; a failed step is the error instead. Every store reads its rows so.
template <class Row, class Reader>
Result<std::vector<Row>> All(Statement& statement, Reader read) {
  std::vector<Row> rows;
  while (statement.Step()) rows.push_back(read(statement));
  if (!statement.status().ok()) return statement.status();
  return rows;
}

template <class Row, class Reader>
Result<std::optional<Row>> One(Statement& statement, Reader read) {
  if (statement.Step()) return std::optional<Row>(read(statement));
  if (!statement.status().ok()) return statement.status();
  return std::optional<Row>();
}

}  // namespace hw::store

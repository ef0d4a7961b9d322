#include "store/database.h"

#include <unistd.h>

#include <filesystem>

namespace hw::store {

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError("cannot open database " + path + ": " + message);
  }
  std::unique_ptr<Database> database(new Database(db, path));
  // Every pragma explicitly, whatever the library's build defaults are (STACK-NOTES.md).
  // secure_delete=ON (not FAST): deleted content is overwritten, not left in free pages.
  const Status status = database->Exec(
      "PRAGMA busy_timeout=5000;"
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=FULL;"
      "PRAGMA secure_delete=ON;"
      "PRAGMA foreign_keys=ON;");
  if (!status.ok()) return Status::IoError("cannot prepare database " + path + ": " + status.message());
  // journal_mode answers with the mode it got; a read-only folder silently keeps DELETE.
  auto mode = database->Prepare("PRAGMA journal_mode;");
  if (!mode.ok() || !mode->Step() || mode->Text(0) != "wal")
    return Status::IoError("database " + path + " cannot use write-ahead logging (is its folder writable?)");
  return database;
}

namespace {

// A file name as an SQLite URI path: only '%', '?' and '#' mean something there.
std::string UriPath(const std::string& path) {
  std::string escaped;
  for (const char c : path) {
    if (c == '%') escaped += "%25";
    else if (c == '?') escaped += "%3f";
    else if (c == '#') escaped += "%23";
    else escaped += c;
  }
  return escaped;
}

// Opens `uri` read-only and reads the schema, which is where a WAL database that cannot be
// read this way fails (not at open). Returns the error message, empty on success.
std::string TryOpenForReading(const std::string& uri, sqlite3** db) {
  const int rc = sqlite3_open_v2(uri.c_str(), db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(*db, 5000);
    if (sqlite3_exec(*db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) == SQLITE_OK) return "";
  }
  std::string message = *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc);
  sqlite3_close(*db);
  *db = nullptr;
  return message;
}

bool FolderIsWritable(const std::string& path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  return ::access(folder.c_str(), W_OK) == 0;
}

// A -wal file that is not empty (or cannot be checked) may hold commits. An empty one is
// what a clean close by a reader leaves (a reader cannot remove it).
bool LogMayHoldCommits(const std::string& path) {
  const std::string log = path + "-wal";
  std::error_code error;
  if (!std::filesystem::exists(log, error)) return static_cast<bool>(error);
  const auto size = std::filesystem::file_size(log, error);
  return error || size > 0;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::OpenReadOnly(const std::string& path) {
  sqlite3* db = nullptr;
  const std::string uri = "file:" + UriPath(path);
  std::string message = TryOpenForReading(uri + "?mode=ro", &db);
  // `mode=ro` fails where no -shm file can be made: in a folder this process cannot write
  // to. Nobody can have written there since the last checkpoint unless a -wal file holds
  // commits, so the file is whole and may be read as immutable (which ignores locks and
  // the -wal file).
  if (!message.empty() && std::filesystem::exists(path) && !FolderIsWritable(path)) {
    if (LogMayHoldCommits(path))
      message += " (a -wal file beside it may hold commits that only a writable folder can apply: copy the "
                 "folder with its files somewhere writable and read the copy)";
    else
      message = TryOpenForReading(uri + "?immutable=1", &db);
  }
  if (!message.empty()) return Status::IoError("cannot read database " + path + ": " + message);
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database() { sqlite3_close_v2(db_); }

std::string Database::LastError() const { return sqlite3_errmsg(db_); }

Status Database::Exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::IoError(message);
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    return Status::Internal("cannot prepare SQL: " + LastError());
  return Statement(stmt);
}

Status Database::Transaction(const std::function<Status()>& body) {
  auto lock = Lock();
  if (!sqlite3_get_autocommit(db_)) return Nested(body);
  Status status = Exec("BEGIN IMMEDIATE");
  if (!status.ok()) return status;
  status = body();
  // A failed rollback cannot add to what went wrong: the body's or COMMIT's error is the one
  // to report, and SQLite rolls back a transaction it could not commit or undo itself.
  if (!status.ok()) {
    (void)Exec("ROLLBACK");
    return status;
  }
  status = Exec("COMMIT");
  if (!status.ok()) (void)Exec("ROLLBACK");
  return status;
}

Status Database::CheckpointTruncate() {
  auto lock = Lock();
  auto checkpoint = Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!checkpoint.ok()) return checkpoint.status();
  if (!checkpoint->Step()) return checkpoint->status().ok() ? Status::IoError("no checkpoint result") : checkpoint->status();
  // (busy, log frames, checkpointed frames): busy = 1 when a reader kept it from finishing.
  if (checkpoint->Int(0) != 0)
    return Status::Unavailable("the -wal file of " + path_ + " could not be emptied: another connection kept reading");
  return Status::Ok();
}

// Inside an outer transaction a savepoint: the body's changes go or stay with the outer
// one, and a failing body undoes only its own part.
Status Database::Nested(const std::function<Status()>& body) {
  Status status = Exec("SAVEPOINT nested");
  if (!status.ok()) return status;
  status = body();
  if (!status.ok()) (void)Exec("ROLLBACK TO nested");  // the body's error is the one to report
  const Status released = Exec("RELEASE nested");
  return status.ok() ? released : status;
}

Statement& Statement::Bind(int index, const std::string& text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = Status::IoError(sqlite3_errmsg(sqlite3_db_handle(stmt_.get())));
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  return status_;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  return text ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(stmt_.get(), column)) : std::string();
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindOptional(int index, const std::optional<std::string>& text) {
  if (text) return Bind(index, *text);
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Statement& Statement::BindOptionalBlob(int index, const std::optional<std::string>& bytes) {
  if (bytes) return BindBlob(index, *bytes);
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_.get(), column);
  return data ? std::string(static_cast<const char*>(data), sqlite3_column_bytes(stmt_.get(), column)) : std::string();
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<std::string> Statement::OptionalBlob(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Blob(column);
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string DatabasePath(const std::string& data_dir) { return data_dir + "/hulpwijzer.db"; }

void RemoveJournalFiles(const std::string& database_path) {
  std::error_code ignored;  // absent is the normal case
  std::filesystem::remove(database_path + "-wal", ignored);
  std::filesystem::remove(database_path + "-shm", ignored);
}

}  // namespace hw::store

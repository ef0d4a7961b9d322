// Sealed contact requests: insert (durable when it returns: WAL + synchronous=FULL),
// list and read per organisation, status and note updates, deletion, and the retention
// purge that really removes content (secure_delete, then a TRUNCATE checkpoint so no old
// page survives in the -wal file). Thread-safe (locks the connection for each call).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace hw::store {

struct RequestRow {
  std::string id;
  std::string organization;
  int64_t key_version = 0;
  std::string sealed;                      // only in Get; empty in List
  std::optional<std::string> note_sealed;  // likewise
  std::string status;                      // new, in_progress, contacted, closed
  int64_t created_at = 0;
  std::optional<int64_t> closed_at;
};

struct PurgeCounts {
  int64_t closed_expired = 0;     // closed more than the closed retention ago
  int64_t unhandled_expired = 0;  // not closed, created more than the open retention ago
};

class RequestStore {
 public:
  explicit RequestStore(Database& db) : db_(db) {}

  // Inserts `row` as a new request unless its organisation already has `max_open` requests
  // that are not closed, or `row.key_version` is no longer its current key (rotated since
  // the caller sealed it); then nothing is stored and the answer is false. One statement,
  // so no other submission or rotation can come between the checks and the insert.
  Result<bool> InsertUnlessFull(const RequestRow& row, int64_t max_open);
  Result<std::vector<RequestRow>> List(const std::string& organization);  // newest first, without content
  // Requests of `organization` created in [from, to), newest first, without content; at
  // most `limit` of them.
  Result<std::vector<RequestRow>> ListWindow(const std::string& organization, int64_t from, int64_t to, int64_t limit);
  Result<std::optional<RequestRow>> Get(const std::string& id);
  Status SetStatus(const std::string& id, const std::string& status, int64_t now);
  Status SetNote(const std::string& id, const std::optional<std::string>& note_sealed);
  Result<bool> Delete(const std::string& id);
  // Deletes every one of `ids` that belongs to `organization`, in one transaction; how many.
  Result<int64_t> DeleteMany(const std::string& organization, const std::vector<std::string>& ids);
  Result<int64_t> CountNew(const std::string& organization);
  Result<int64_t> CountAll();
  // Deletes content past retention, then checkpoints the WAL with TRUNCATE.
  Result<PurgeCounts> Purge(int64_t now, int64_t closed_retention_seconds, int64_t unhandled_retention_seconds);
  // Checkpoints and truncates the WAL so deleted pages leave the -wal file too.
  Status CheckpointTruncate();

 private:
  Database& db_;
};

}  // namespace hw::store

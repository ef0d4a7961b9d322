// Published versions of the directory and questionnaire. Publishing appends a version;
// the current one is the highest. Callers validate before publishing: the store keeps
// what it is given. Thread-safe: each call holds the database's lock (store/database.h),
// and the calls that read and then write do so in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace hw::store {

struct DirectoryVersion {
  int64_t version = 0;
  std::string directory;      // JSON text
  std::string questionnaire;  // JSON text
  std::string published_at;   // ISO 8601, UTC
  std::string published_by;
};

struct VersionInfo {
  int64_t version = 0;
  std::string published_at;
  std::string published_by;
  std::string note;
};

struct Draft {
  int64_t revision = 0;
  int64_t based_on = 0;  // the published version it started from
  std::string directory;
  std::string questionnaire;
  int64_t updated_at = 0;
  std::string updated_by;
};

class DirectoryStore {
 public:
  explicit DirectoryStore(Database& db) : db_(db) {}

  // The highest version, or nullopt when nothing was published yet.
  Result<std::optional<DirectoryVersion>> Current();
  // Appends a version and returns its number. Durable when it returns.
  Result<int64_t> Publish(const std::string& directory, const std::string& questionnaire, const std::string& author,
                          const std::string& note);
  Result<std::optional<DirectoryVersion>> Version(int64_t version);
  Result<std::vector<VersionInfo>> Versions();  // newest first

  Result<std::optional<Draft>> GetDraft();
  // Creates the draft (expected_revision 0, when none exists) or replaces it when its
  // revision is still `expected_revision`. kAlreadyExists (a conflict) otherwise.
  Result<int64_t> SaveDraft(int64_t expected_revision, int64_t based_on, const std::string& directory,
                            const std::string& questionnaire, int64_t now, const std::string& editor);
  Status DeleteDraft();
  // Publishes the draft as a new version and removes it, atomically, if its revision is
  // `expected_revision` (else kAlreadyExists: a colleague saved) and it is based on the
  // current version (else kFailedPrecondition: a newer version was published).
  Result<int64_t> PublishDraft(int64_t expected_revision, const std::string& author, const std::string& note);

 private:
  Database& db_;
};

}  // namespace hw::store

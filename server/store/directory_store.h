// Published versions of the directory and questionnaire. Publishing appends a version;
// the current one is the highest. Callers validate before publishing: the store keeps
// what it is given. Use from one thread at a time (it owns no lock).
#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace hw::store {

struct DirectoryVersion {
  int64_t version = 0;
  std::string directory;      // JSON text
  std::string questionnaire;  // JSON text
  std::string published_at;   // ISO 8601, UTC
  std::string published_by;
};

class DirectoryStore {
 public:
  explicit DirectoryStore(Database& db) : db_(db) {}

  // The highest version, or nullopt when nothing was published yet.
  Result<std::optional<DirectoryVersion>> Current();
  // Appends a version and returns its number. Durable when it returns.
  Result<int64_t> Publish(const std::string& directory, const std::string& questionnaire, const std::string& author,
                          const std::string& note);

 private:
  Database& db_;
};

}  // namespace hw::store

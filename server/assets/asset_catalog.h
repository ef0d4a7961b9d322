// Looks up embedded files by their path and by their hashed public name
// ("resident/app.3f9a1c2b.js": the first 8 hex digits of the content hash before the
// extension). Immutable after construction; thread-safe to share.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "assets/embedded_file.h"

namespace hw::assets {

class AssetCatalog {
 public:
  explicit AssetCatalog(std::vector<EmbeddedFile> files);
  // The files compiled into this binary.
  static const AssetCatalog& Embedded();

  const EmbeddedFile* Find(std::string_view path) const;
  const EmbeddedFile* FindByHashedName(std::string_view hashed_name) const;
  const std::vector<EmbeddedFile>& files() const { return files_; }

  // "resident/app.js" with hash "3f9a1c2b..." -> "resident/app.3f9a1c2b.js".
  static std::string HashedName(const EmbeddedFile& file);

 private:
  std::vector<EmbeddedFile> files_;
  std::map<std::string, size_t, std::less<>> by_path_;
  std::map<std::string, size_t, std::less<>> by_hashed_name_;
};

// The Content-Type for a file name, by its extension ("application/octet-stream" if unknown).
std::string ContentTypeFor(std::string_view path);

}  // namespace hw::assets

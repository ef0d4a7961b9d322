// The files of webapp/ and directory-data/ as they were at build time, with gzip and
// brotli variants computed by tools/embed_assets. The data lives in the read-only segment
// of the binary for the whole life of the process; every view stays valid forever.
#pragma once

#include <cstddef>
#include <string_view>

namespace hw::assets {

struct EmbeddedFile {
  std::string_view path;    // "resident/app.js" (under webapp/) or "directory-data/directory.json"
  std::string_view raw;
  std::string_view gzip;    // empty when compression does not pay (e.g. images)
  std::string_view brotli;  // likewise
  std::string_view hash;    // BLAKE2b-128 of raw, 32 hex digits
};

// Defined in the generated source (build/generated/embedded_assets.cpp).
extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace hw::assets

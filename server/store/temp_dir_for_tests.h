// For store tests only: a fresh folder under /tmp, removed with everything in it when the
// TempDir goes out of scope.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace hw::store {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name = "hw-store") {
    std::string pattern = "/tmp/" + name + "-XXXXXX";
    path = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string File(const std::string& name) const { return (path / name).string(); }
};

}  // namespace hw::store

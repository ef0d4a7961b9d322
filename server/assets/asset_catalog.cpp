#include "assets/asset_catalog.h"

namespace hw::assets {

AssetCatalog::AssetCatalog(std::vector<EmbeddedFile> files) : files_(std::move(files)) {
  for (size_t i = 0; i < files_.size(); ++i) {
    by_path_.emplace(std::string(files_[i].path), i);
    by_hashed_name_.emplace(HashedName(files_[i]), i);
  }
}

const AssetCatalog& AssetCatalog::Embedded() {
  static const AssetCatalog catalog(std::vector<EmbeddedFile>(kEmbeddedFiles, kEmbeddedFiles + kEmbeddedFileCount));
  return catalog;
}

const EmbeddedFile* AssetCatalog::Find(std::string_view path) const {
  const auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : &files_[it->second];
}

const EmbeddedFile* AssetCatalog::FindByHashedName(std::string_view hashed_name) const {
  const auto it = by_hashed_name_.find(hashed_name);
  return it == by_hashed_name_.end() ? nullptr : &files_[it->second];
}

std::string AssetCatalog::HashedName(const EmbeddedFile& file) {
  const std::string path(file.path);
  const std::string tag(file.hash.substr(0, 8));
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return path + "." + tag;
  return path.substr(0, dot) + "." + tag + path.substr(dot);
}

std::string ContentTypeFor(std::string_view path) {
  struct Type {
    const char* extension;
    const char* type;
  };
  static const Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},       {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},   {".json", "application/json"},
      {".webmanifest", "application/manifest+json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},                       {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const Type& t : kTypes) {
    const std::string_view extension(t.extension);
    if (path.size() >= extension.size() && path.substr(path.size() - extension.size()) == extension) return t.type;
  }
  return "application/octet-stream";
}

}  // namespace hw::assets

#include "cli/embedded_publication.h"

#include "assets/asset_catalog.h"

namespace hw::cli {
namespace {

std::string_view Embedded(std::string_view path) {
  const assets::EmbeddedFile* file = assets::AssetCatalog::Embedded().Find(path);
  return file ? file->raw : std::string_view();
}

}  // namespace

std::string_view EmbeddedDirectoryText() { return Embedded("directory-data/directory.json"); }
std::string_view EmbeddedQuestionnaireText() { return Embedded("directory-data/questionnaire.json"); }

}  // namespace hw::cli

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

domain::PublicationCheck CheckEmbedded() {
  return domain::CheckPublication(EmbeddedDirectoryText(), EmbeddedQuestionnaireText(), "directory.json (embedded)",
                                  "questionnaire.json (embedded)");
}

domain::PublicationCheck CheckStartingVersion(const store::DirectoryVersion& current, const std::string& label,
                                              domain::PublicationCheck embedded, const PublicationChecker& check) {
  if (embedded.issues.empty() && current.directory == EmbeddedDirectoryText() &&
      current.questionnaire == EmbeddedQuestionnaireText())
    return embedded;
  const std::string directory_name = label + " (directory)", questionnaire_name = label + " (questionnaire)";
  if (!check) return domain::CheckPublication(current.directory, current.questionnaire, directory_name, questionnaire_name);
  return check(current.directory, current.questionnaire, directory_name, questionnaire_name);
}

}  // namespace hw::cli

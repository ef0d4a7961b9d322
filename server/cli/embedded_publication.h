// The directory and questionnaire compiled into this binary (directory-data/).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "domain/publication.h"
#include "store/directory_store.h"

namespace hw::cli {

std::string_view EmbeddedDirectoryText();
std::string_view EmbeddedQuestionnaireText();

// The embedded data, checked; the names in its messages say "(embedded)".
domain::PublicationCheck CheckEmbedded();

using PublicationChecker = std::function<domain::PublicationCheck(
    std::string_view directory, std::string_view questionnaire, const std::string& directory_name,
    const std::string& questionnaire_name)>;

// The check of the version `serve` starts with (`label` names it in messages). `embedded`
// is the check of the embedded data, which serve runs before it opens the data folder. A
// version with the same texts (the seed, until an editor publishes another) takes that
// check instead of a second one: the questionnaire's path proof is most of a start's work,
// and the same texts give the same answer. Any other version goes through `check`
// (domain::CheckPublication when null).
domain::PublicationCheck CheckStartingVersion(const store::DirectoryVersion& current, const std::string& label,
                                              domain::PublicationCheck embedded,
                                              const PublicationChecker& check = nullptr);

}  // namespace hw::cli

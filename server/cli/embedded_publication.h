// The directory and questionnaire compiled into this binary (directory-data/).
#pragma once

#include <string_view>

namespace hw::cli {

std::string_view EmbeddedDirectoryText();
std::string_view EmbeddedQuestionnaireText();

}  // namespace hw::cli

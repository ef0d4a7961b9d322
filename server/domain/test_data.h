// Test helper: the real directory and questionnaire embedded in the binary, as JSON, for
// tests that mutate one field and expect one precise finding.
#pragma once

#include <nlohmann/json.hpp>

#include "cli/embedded_publication.h"

namespace hw::domain::testing {

inline nlohmann::json RealDirectory() { return nlohmann::json::parse(cli::EmbeddedDirectoryText()); }
inline nlohmann::json RealQuestionnaire() { return nlohmann::json::parse(cli::EmbeddedQuestionnaireText()); }

// The organisation with this key in a directory document.
inline nlohmann::json& Org(nlohmann::json& directory, const std::string& key) {
  for (auto& org : directory["organizations"])
    if (org["key"] == key) return org;
  throw std::runtime_error("no organisation " + key);
}

}  // namespace hw::domain::testing

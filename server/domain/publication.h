// A directory and questionnaire that belong together, parsed and validated as a pair
// (the questionnaire routes to the directory's organisations). Used when seeding, at
// start-up, by `hulpwijzer directory validate`, and later when publishing.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/validation_issue.h"

namespace hw::domain {

struct Publication {
  nlohmann::json directory;
  nlohmann::json questionnaire;
};

struct PublicationCheck {
  Publication publication;  // meaningful only when issues is empty
  ValidationIssues issues;
};

// `directory_name` and `questionnaire_name` are used in the messages (file names, or
// "database version 3").
PublicationCheck CheckPublication(std::string_view directory_text, std::string_view questionnaire_text,
                                  const std::string& directory_name, const std::string& questionnaire_name);

}  // namespace hw::domain

// Checks the questionnaire against its format and against the directory it routes to:
// ids unique; conditions name existing questions and options and look only backwards (so
// there is no cycle); every rule names an organisation that exists and has an active
// service; every rule can match on some path; and every path of answers, skips included,
// ends in at least one organisation. Empty result = valid. Stateless and thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/problem.h"

namespace hw::domain {

Problems ValidateQuestionnaire(const nlohmann::json& questionnaire, const nlohmann::json& directory,
                                       const std::string& file = "questionnaire.json");

}  // namespace hw::domain

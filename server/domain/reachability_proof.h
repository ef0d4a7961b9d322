// The promise of the result page, proved before anything is published: for every path of
// answers (skips included) and every minute of the local week, the first organisation in
// the result can be reached at that minute (domain/reachability.h). Minutes, not hours:
// a chat that opens at 09:30 is checked at 09:29 too; and since schedules are local times,
// every local moment of a summer-time change day is one of the week's minutes. A failure
// names the path, the moment and the organisation that would have come first.
// Stateless; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/problem.h"

namespace hw::domain {

// `questionnaire` must have passed ValidateQuestionnaire; `resident_directory` is the
// ResidentView of the directory it routes to (only what residents see can reach them).
Problems ProveReachableFirst(const nlohmann::json& questionnaire, const nlohmann::json& resident_directory,
                                     const std::string& file = "questionnaire.json");

}  // namespace hw::domain

// Whether a resident can reach an organisation at a moment of the week: through a phone
// line that residents may see (ResidentView keeps only verified, fresh numbers) whose
// service's schedule is open then, or through a visible chat whose own schedule is open
// then. A service without a schedule has unknown hours and never counts as reachable:
// the result must not promise an answer it cannot vouch for. Works on the resident view
// only. Pure; thread-safe.
#pragma once

#include <bitset>

#include <nlohmann/json.hpp>

#include "domain/amsterdam_time.h"

namespace hw::domain {

using WeekMinutes = std::bitset<kMinutesPerWeek>;

// The minutes of the local week at which a schedule (directory format) is open;
// "23:59" as closing time means until midnight.
WeekMinutes ScheduleMinutes(const nlohmann::json& schedule);

// The minutes of the week at which `organization` (from ResidentView) can be reached.
WeekMinutes ReachableMinutes(const nlohmann::json& organization);

bool ReachableAt(const nlohmann::json& organization, LocalMoment moment);

}  // namespace hw::domain

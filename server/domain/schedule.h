// Weekly opening schedules in local time (Europe/Amsterdam), as in directory-data:
// [{"days": ["MO", ...], "opens": "09:00", "closes": "17:00"}]. Stateless, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/problem.h"

namespace hw::domain {

// What is wrong with a schedule (empty when valid): unknown days, times not written as
// HH:MM, closing before opening, slots that overlap. The problems name no file or field;
// the caller places them.
Problems ScheduleProblems(const nlohmann::json& schedule);

// True when a valid schedule covers every day from 00:00 to 23:59 ("day and night").
bool CoversWholeWeek(const nlohmann::json& schedule);

// Minutes since midnight for "HH:MM", or -1 when it is not a valid time.
int MinutesOfDay(const std::string& hhmm);

}  // namespace hw::domain

// How fresh a checked fact is. Every contact detail carries `checked` (the date a person
// last checked it against its source). Crisis lines (an organisation with
// "crisis_line": true: 112, Veilig Thuis, CSG, 113) are due for a new check 30 days after
// that, everything else after 180 days. A detail more than 60 days past due is no longer
// trusted: ResidentView drops it, so residents never see it, and the editor lists it first.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace hw::domain {

constexpr int kCrisisLineRecheckDays = 30;
constexpr int kRecheckDays = 180;
constexpr int kGraceDaysPastDue = 60;

// 30 for a crisis line's organisation, 180 otherwise.
int RecheckDays(const nlohmann::json& organization);

struct Freshness {
  int64_t due_day = 0;     // days since 1970-01-01: the day a new check is due
  int64_t hidden_day = 0;  // from this day on the detail is withdrawn from residents
  bool due = false;        // today is on or after due_day
  bool withdrawn = false;  // today is on or after hidden_day
};

// Freshness of a detail with a valid "checked" date, or nullopt when it has none.
std::optional<Freshness> FreshnessOf(const nlohmann::json& detail, int recheck_days, int64_t today);

}  // namespace hw::domain

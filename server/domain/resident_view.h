// What residents may see of a valid directory: everything except details that are not
// verified (phones, chat, website with "verified": false), details withdrawn because
// nobody re-checked them in time (domain/freshness.h, when `today` is given), the facts
// of a service (hours, schedule, free, anonymous, day and night, languages) unless their
// own source is verified and fresh, the staff's todo notes, and inactive services. The page,
// the no-JavaScript list and the public API are all made from this view, so an unverified
// number cannot reach a resident by any route. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

namespace hw::domain {

// `today`: days since 1970-01-01 in Amsterdam; without it nothing is withdrawn for age.
nlohmann::json ResidentView(const nlohmann::json& directory, std::optional<int64_t> today = std::nullopt);

// The one rule of trust for a detail (phone, chat, website, a service's facts): verified,
// and, when `today` is given, not withdrawn for age.
bool ShownToResidents(const nlohmann::json& detail, int recheck_days, std::optional<int64_t> today);

}  // namespace hw::domain

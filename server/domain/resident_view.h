// What residents may see of a valid directory: everything except details that are not
// verified (phones, chat, website with "verified": false), the staff's todo notes, and
// inactive services. The page, the no-JavaScript list and the public API are all made
// from this view, so an unverified number cannot reach a resident by any route.
#pragma once

#include <nlohmann/json.hpp>

namespace hw::domain {

nlohmann::json ResidentView(const nlohmann::json& directory);

}  // namespace hw::domain

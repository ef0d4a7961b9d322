// The full list of help as plain HTML, in Dutch, for the page's no-JavaScript state:
// grouped by category, with tap-to-call links, costs, hours, chat and website. Within a
// category, organisations that can be reached at `now` come first and say so, the same
// rule as the result page (domain/reachability.h). Made from the resident view of the
// directory only (never unverified details). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/amsterdam_time.h"

namespace hw::http {

// `resident_directory` is the output of domain::ResidentView.
std::string HelpListHtml(const nlohmann::json& resident_directory, domain::LocalMoment now);

// The Dutch heading of a vocabulary category in that list, or "" for one it has none for
// (a unit test holds every category to a heading).
std::string CategoryHeading(const std::string& category);

}  // namespace hw::http

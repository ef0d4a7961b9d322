// The full list of help as plain HTML, in Dutch, for the page's no-JavaScript state:
// grouped by category, with tap-to-call links, costs, hours, chat and website. Made from
// the resident view of the directory only (never unverified details). Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hw::http {

// `resident_directory` is the output of domain::ResidentView.
std::string HelpListHtml(const nlohmann::json& resident_directory);

}  // namespace hw::http

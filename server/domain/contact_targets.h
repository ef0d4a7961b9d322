// Which organisations residents may leave a contact request for, read from a published
// directory: an organisation accepts when one of its active services says so.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/contact_requests.h"

namespace hw::domain {

// By organisation id (the UUID residents' requests name).
std::map<std::string, ContactTarget> ContactTargetsOf(const nlohmann::json& directory);

}  // namespace hw::domain

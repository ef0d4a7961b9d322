// Parsing JSON text from files and requests without surprises: a bounded nesting depth
// (deep nesting exhausts the stack in nlohmann::json), and an error that says where the
// text stops being JSON. Stateless and thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "util/status.h"

namespace hw::domain {

constexpr int kMaxJsonDepth = 32;

// `what` names the source in the error ("directory.json", "the request body").
Result<nlohmann::json> ParseJson(std::string_view text, const std::string& what, int max_depth = kMaxJsonDepth);

}  // namespace hw::domain

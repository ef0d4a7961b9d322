// A directory and questionnaire that belong together, parsed and validated as a pair
// (the questionnaire routes to the directory's organisations). Used when seeding, at
// start-up, by `hulpwijzer directory validate`, and later when publishing.
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/problem.h"

namespace hw::domain {

struct Publication {
  nlohmann::json directory;
  nlohmann::json questionnaire;
};

struct PublicationCheck {
  Publication publication;  // meaningful only when issues is empty
  Problems issues;
};

// `directory_name` and `questionnaire_name` are used in the messages (file names, or
// "database version 3"). Besides the format and the routing rules, it proves that every
// path's first result can be reached at every minute of the week
// (domain/reachability_proof.h) with what residents would see on `today` (days since
// 1970-01-01 in Amsterdam): details withdrawn for age by then do not count. Without
// `today`, age withdraws nothing.
PublicationCheck CheckPublication(std::string_view directory_text, std::string_view questionnaire_text,
                                  const std::string& directory_name, const std::string& questionnaire_name,
                                  std::optional<int64_t> today = std::nullopt);

}  // namespace hw::domain

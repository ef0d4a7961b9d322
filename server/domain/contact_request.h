// A resident's contact request as the API accepts it (issue 4's shape), validated field
// by field. Unknown fields are refused; every problem names its field. The validated
// request keeps only what the organisation needs, in a canonical JSON form that is then
// sealed; nothing here touches disk or logs. Stateless and thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/problem.h"

namespace hw::domain {

constexpr size_t kMaxMessageChars = 1000;
constexpr size_t kMaxCodeWordChars = 40;

struct ContactRequestCheck {
  std::string organization_id;
  nlohmann::json content;  // what gets sealed: channel, phone/email, safe_times, ...
  // Codes "required", "invalid", "too_long", "unknown_field", "consent_required", each
  // with the field in params and its own English sentence; the form shows its own text.
  Problems errors;
  bool ok() const { return errors.empty(); }
};

ContactRequestCheck CheckContactRequest(const nlohmann::json& body);

}  // namespace hw::domain

// Dutch phone numbers as residents dial them. A wrong number sent to a person in danger
// is the worst bug this product can have, so the written number and the number the
// tel: link dials must provably be the same digits.
#pragma once

#include <optional>
#include <string>

#include "domain/problem.h"

namespace hw::domain {

// Checks a written number ("0800-2000", "020-261 52 75", "112") against its dialled
// form (`tel`: E.164 "+318002000", or the short number itself for 112/113-style numbers).
// Returns nothing when they agree, otherwise what is wrong (placed by the caller).
std::optional<Problem> CheckDutchPhone(const std::string& written, const std::string& tel);

// The dialled form of a written number ("0800-2000" -> "+318002000", "112" -> "112"), or
// "" when the written number is not a valid Dutch number. The editor never types it twice.
std::string DialFormOf(const std::string& written);

}  // namespace hw::domain

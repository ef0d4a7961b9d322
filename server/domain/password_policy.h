// Which passwords may protect a staff key. A staff password unwraps the keys that open
// contact requests, and a stolen database lets an attacker guess offline at leisure: so a
// password must be long (12 characters at least) and hard to guess as zxcvbn estimates it
// (libzxcvbn: dictionaries of common passwords, names and words, keyboard patterns,
// repeats, sequences, dates), with the person's e-mail address and this service's own
// words counted as known. `aaaaaaaaaaaa` was accepted before (issue 12, finding 7).
// Pure function; thread-safe (zxcvbn's dictionaries are compiled in and read-only).
#pragma once

#include <string>

#include "util/status.h"

namespace hw::domain {

constexpr size_t kMinPasswordCharacters = 12;
constexpr size_t kMaxPasswordBytes = 256;  // zxcvbn's work grows with the length
// zxcvbn's "very unguessable" (score 4): strong protection when the hash is stolen.
constexpr double kMinPasswordGuessesLog10 = 10.0;

// Ok, or kInvalidArgument with a reason a person can act on.
Status CheckPassword(const std::string& password, const std::string& email);

}  // namespace hw::domain

// Bounds on every text of a directory or questionnaire, checked before anything else
// reads the document: before a draft is stored, and first in CheckPublication (start-up,
// `directory validate`, preview, publish, restore). A text far longer than any real one
// is refused, not examined: a 40,000-character website URL once crashed the server in
// std::regex, and was stored first, so every later open crashed it again (issue 12,
// finding 3). The bounds are generous: the longest real text is under 500 characters.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/problem.h"

namespace hw::domain {

constexpr size_t kMaxTextCharacters = 2000;  // any text value
constexpr size_t kMaxUrlCharacters = 500;    // a value named "url"
constexpr size_t kMaxNameCharacters = 100;   // a field name (they appear in messages)

// Each text (or field name) over its bound, named by its path in the document
// ("organizations[0].website.url"); at most `max_issues` of them. Empty when all fit.
Problems CheckTextBounds(const nlohmann::json& document, const std::string& file, size_t max_issues = 20);

// UTF-8 characters in `text` (bytes that do not continue a character).
size_t CharacterCount(const std::string& text);

}  // namespace hw::domain

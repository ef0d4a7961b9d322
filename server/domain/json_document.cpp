#include "domain/json_document.h"

namespace hw::domain {
namespace {

// Deepest nesting of [ and { outside strings; stops counting once past the limit.
int NestingDepth(std::string_view text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

Result<nlohmann::json> ParseJson(std::string_view text, const std::string& what, int max_depth) {
  if (NestingDepth(text, max_depth) > max_depth) {
    return Status::InvalidArgument(what + " is nested more than " + std::to_string(max_depth) + " levels deep");
  }
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& error) {
    // Find line and column of the byte where parsing stopped.
    size_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < error.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return Status::InvalidArgument(what + " is not valid JSON: it stops making sense at line " + std::to_string(line) +
                                   ", column " + std::to_string(column));
  } catch (const nlohmann::json::exception&) {
    // Found by fuzzing: a number too large for a double (1e400) is out_of_range, not a
    // parse_error, and must not escape as an exception.
    return Status::InvalidArgument(what + " holds a number too large to read");
  }
}

}  // namespace hw::domain

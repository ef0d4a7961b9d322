// A count with its noun in the right number, for messages in English: "1 question",
// "2 questions", "0 audit entries". The plural is given, not guessed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hw {

inline std::string Counted(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace hw

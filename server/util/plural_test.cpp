#include "util/plural.h"

#include <catch2/catch.hpp>

namespace hw {
namespace {

TEST_CASE("a count takes the singular only for one", "[util]") {
  CHECK(Counted(1, "question", "questions") == "1 question");
  CHECK(Counted(0, "question", "questions") == "0 questions");
  CHECK(Counted(2, "audit entry", "audit entries") == "2 audit entries");
}

}  // namespace
}  // namespace hw

#include "domain/json_document.h"

#include <catch2/catch.hpp>

namespace hw::domain {

TEST_CASE("parsing JSON never throws, and says what is wrong", "[json]") {
  CHECK(ParseJson("{\"a\": [1, 2]}", "x").ok());
  const auto broken = ParseJson("{\"a\":\n [1,, 2]}", "the body");
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.status().message(), Catch::Contains("the body is not valid JSON") && Catch::Contains("line 2"));
  // Found by the fuzzers: nlohmann reports these as out_of_range, not parse_error.
  for (const char* huge : {"{\"format\": 1e400}", "[1e999]", "-1e400"}) {
    const auto result = ParseJson(huge, "the body");
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.status().message(), Catch::Contains("number too large"));
  }
  CHECK_THAT(ParseJson(std::string(100, '[') + std::string(100, ']'), "d").status().message(), Catch::Contains("nested"));
}

}  // namespace hw::domain

#include "domain/phone_number.h"

#include <catch2/catch.hpp>

namespace hw::domain {

TEST_CASE("Dutch phone numbers and their dialled form", "[phone]") {
  CHECK(CheckDutchPhone("112", "112").empty());
  CHECK(CheckDutchPhone("0800-2000", "+318002000").empty());
  CHECK(CheckDutchPhone("0900-8844", "+319008844").empty());
  CHECK(CheckDutchPhone("020-261 52 75", "+31202615275").empty());
  CHECK(CheckDutchPhone("0800-123 4567", "+318001234567").empty());

  CHECK_THAT(CheckDutchPhone("112", "+31112"), Catch::Contains("must be \"112\""));
  CHECK_THAT(CheckDutchPhone("0800-2000", "08002000"), Catch::Contains("+318002000"));
  CHECK_THAT(CheckDutchPhone("020-261 52 7", "+3120261527"), Catch::Contains("Dutch numbers have 10"));
  CHECK_THAT(CheckDutchPhone("0800-20000", "+3180020000"), Catch::Contains("8 or 11"));
  CHECK_THAT(CheckDutchPhone("0800/2000", "+318002000"), Catch::Contains("digits, spaces and hyphens"));
  CHECK_THAT(CheckDutchPhone("8002000", "+318002000"), Catch::Contains("must start with 0"));
}

}  // namespace hw::domain

#include "domain/phone_number.h"

#include <catch2/catch.hpp>

namespace hw::domain {

TEST_CASE("Dutch phone numbers and their dialled form", "[phone]") {
  CHECK_FALSE(CheckDutchPhone("112", "112"));
  CHECK_FALSE(CheckDutchPhone("0800-2000", "+318002000"));
  CHECK_FALSE(CheckDutchPhone("0900-8844", "+319008844"));
  CHECK_FALSE(CheckDutchPhone("020-261 52 75", "+31202615275"));
  CHECK_FALSE(CheckDutchPhone("0800-123 4567", "+318001234567"));

  CHECK_THAT(CheckDutchPhone("112", "+31112")->message, Catch::Contains("must be \"112\""));
  CHECK_THAT(CheckDutchPhone("0800-2000", "08002000")->message, Catch::Contains("+318002000"));
  CHECK_THAT(CheckDutchPhone("020-261 52 7", "+3120261527")->message, Catch::Contains("Dutch numbers have 10"));
  CHECK_THAT(CheckDutchPhone("0800-20000", "+3180020000")->message, Catch::Contains("8 or 11"));
  CHECK_THAT(CheckDutchPhone("0800/2000", "+318002000")->message, Catch::Contains("digits, spaces and hyphens"));
  CHECK_THAT(CheckDutchPhone("8002000", "+318002000")->message, Catch::Contains("must start with 0"));

  const auto length = CheckDutchPhone("020-261 52 7", "+3120261527");
  CHECK(length->code == ProblemCode::kPhoneLength);
  CHECK(length->params == nlohmann::json({{"number", "020-261 52 7"}, {"digits", 9}}));
}

}  // namespace hw::domain

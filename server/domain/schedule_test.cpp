#include "domain/schedule.h"

#include <catch2/catch.hpp>

namespace hw::domain {

using nlohmann::json;

TEST_CASE("schedule times and coverage", "[schedule]") {
  CHECK(MinutesOfDay("00:00") == 0);
  CHECK(MinutesOfDay("23:59") == 1439);
  CHECK(MinutesOfDay("24:00") == -1);
  CHECK(MinutesOfDay("9:00") == -1);

  const json always = json::parse(R"([{"days":["MO","TU","WE","TH","FR","SA","SU"],"opens":"00:00","closes":"23:59"}])");
  CHECK(ScheduleProblems(always).empty());
  CHECK(CoversWholeWeek(always));
  const json office = json::parse(R"([{"days":["MO","TU","WE","TH","FR"],"opens":"09:00","closes":"17:00"}])");
  CHECK(ScheduleProblems(office).empty());
  CHECK_FALSE(CoversWholeWeek(office));
}

TEST_CASE("schedule problems are named", "[schedule]") {
  const auto problems = ScheduleProblems(json::parse(
      R"([{"days":["MO","XX"],"opens":"9","closes":"17:00"},{"days":[],"opens":"10:00","closes":"11:00"},{"days":["SU"],"opens":"10:00","closes":"09:00","note":1}])"));
  REQUIRE(problems.size() == 5);
  CHECK_THAT(problems[0].message, Catch::Contains("slot 1") && Catch::Contains("HH:MM"));
  CHECK_THAT(problems[1].message, Catch::Contains("\"XX\" is not a day"));
  CHECK_THAT(problems[2].message, Catch::Contains("slot 2") && Catch::Contains("days must be a list"));
  CHECK_THAT(problems[3].message, Catch::Contains("slot 3") && Catch::Contains("\"note\" is not a known field"));
  CHECK_THAT(problems[4].message, Catch::Contains("closes (09:00) before it opens (10:00)"));
  CHECK(problems[1].code == ProblemCode::kSlotNotDay);
  CHECK(problems[4].code == ProblemCode::kSlotOrder);
  CHECK(problems[4].params == json({{"slot", 3}, {"closes", "09:00"}, {"opens", "10:00"}}));
}

}  // namespace hw::domain

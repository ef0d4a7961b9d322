#include "domain/directory_validator.h"

#include <catch2/catch.hpp>

#include "domain/problem_for_tests.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using testing::Org;
using testing::RealDirectory;

// Exactly one finding, and it mentions every fragment given.
void ExpectOneIssue(const nlohmann::json& directory, std::initializer_list<const char*> fragments) {
  const Problems issues = ValidateDirectory(directory);
  INFO(Describe(issues));
  REQUIRE(issues.size() == 1);
  testing::CheckParamsMatchTemplate(issues[0]);
  const std::string text = issues[0].ToString();
  for (const char* fragment : fragments) CHECK_THAT(text, Catch::Contains(fragment));
}

TEST_CASE("the embedded directory is valid", "[directory]") {
  const Problems issues = ValidateDirectory(RealDirectory());
  INFO(Describe(issues));
  CHECK(issues.empty());
}

TEST_CASE("each broken directory field gives its own clear error", "[directory]") {
  auto d = RealDirectory();
  auto& vt = Org(d, "veilig-thuis");
  auto& phone = vt["services"][0]["phones"][0];

  SECTION("a typo in a dialled number") {
    phone["tel"] = "+318002001";
    ExpectOneIssue(d, {"directory.json", "organization \"veilig-thuis\"", "services[0].phones[0].tel", "does not match",
                       "+318002000"});
  }
  SECTION("a number with too few digits") {
    phone["number"] = "0800-200";
    ExpectOneIssue(d, {"phones[0].tel", "0800 and 0900 numbers have 8 or 11"});
  }
  SECTION("a missing field") {
    phone.erase("cost");
    ExpectOneIssue(d, {"phones[0].cost", "is missing"});
  }
  SECTION("an unknown field, such as an address") {
    vt["services"][0]["address"] = "Somewhere 1";
    ExpectOneIssue(d, {"services[0].address", "is not a known field"});
  }
  SECTION("a text missing in English") {
    vt["description"].erase("en");
    ExpectOneIssue(d, {"description.en", "is missing"});
  }
  SECTION("a blank Dutch text") {
    vt["name"]["nl"] = "  ";
    ExpectOneIssue(d, {"name.nl", "must not be empty"});
  }
  SECTION("a website without https") {
    vt["website"]["url"] = "http://veiligthuis.nl";
    ExpectOneIssue(d, {"website.url", "must start with https://"});
  }
  SECTION("a check date that is not a date") {
    phone["checked"] = "2026-02-30";
    ExpectOneIssue(d, {"phones[0].checked", "YYYY-MM-DD"});
  }
  SECTION("a verified flag that is not a boolean") {
    phone["verified"] = "yes";
    ExpectOneIssue(d, {"phones[0].verified", "true or false"});
  }
  SECTION("a duplicated id") {
    phone["id"] = vt["id"];
    ExpectOneIssue(d, {"phones[0].id", "used more than once"});
  }
  SECTION("a duplicated key") {
    Org(d, "moviera")["key"] = "veilig-thuis";
    ExpectOneIssue(d, {"key", "used by another organisation"});
  }
  SECTION("a chat schedule that ends before it starts") {
    vt["services"][0]["chat"]["schedule"][0]["closes"] = "08:00";
    ExpectOneIssue(d, {"chat.schedule", "closes (08:00) before it opens"});
  }
  SECTION("overlapping schedule slots") {
    auto& schedule = vt["services"][0]["chat"]["schedule"];
    schedule.push_back({{"days", {"MO"}}, {"opens", "16:00"}, {"closes", "18:00"}});
    ExpectOneIssue(d, {"chat.schedule", "overlap on MO"});
  }
  SECTION("day and night that the schedule contradicts") {
    vt["services"][0]["schedule"] = {{{"days", {"MO", "TU"}}, {"opens", "00:00"}, {"closes", "23:59"}}};
    ExpectOneIssue(d, {"day_and_night", "does not cover every day"});
  }
  SECTION("an unknown category") {
    vt["category"] = "other";
    ExpectOneIssue(d, {"category", "\"other\" is not one of"});
  }
  SECTION("contact requests accepted without a response time") {
    vt["services"][0]["contact_requests"] = {{"accepted", true}};
    ExpectOneIssue(d, {"contact_requests.response_time", "is missing"});
  }
}

TEST_CASE("a document of the wrong shape is refused, not crashed on", "[directory]") {
  CHECK_FALSE(ValidateDirectory(nlohmann::json::array()).empty());
  CHECK_FALSE(ValidateDirectory({{"format", 1}}).empty());
  CHECK_FALSE(ValidateDirectory({{"format", 2}, {"organizations", nlohmann::json::array({1})}}).empty());
  CHECK_FALSE(ValidateDirectory({{"format", 1}, {"organizations", {{{"key", 5}, {"services", "x"}}}}}).empty());
}

}  // namespace
}  // namespace hw::domain

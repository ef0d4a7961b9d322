#include "domain/text_bounds.h"

#include <catch2/catch.hpp>

#include "domain/publication.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using testing::Org;
using testing::RealDirectory;
using testing::RealQuestionnaire;

TEST_CASE("the real directory and questionnaire are within every bound", "[text_bounds]") {
  CHECK(CheckTextBounds(RealDirectory(), "directory").empty());
  CHECK(CheckTextBounds(RealQuestionnaire(), "questionnaire").empty());
}

TEST_CASE("a text over its bound is named by its path and length", "[text_bounds]") {
  auto d = RealDirectory();
  Org(d, "veilig-thuis")["website"]["url"] = "https://veiligthuis.nl/" + std::string(40'000, 'a');
  const Problems issues = CheckTextBounds(d, "directory");
  REQUIRE(issues.size() == 1);
  CHECK_THAT(issues[0].field, Catch::Matches(R"(organizations\[\d+\]\.website\.url)"));
  CHECK_THAT(issues[0].message, Catch::Contains("40,023 characters") && Catch::Contains("at most 500"));
}

TEST_CASE("bounds count characters, cover field names and stop after a few issues", "[text_bounds]") {
  nlohmann::json doc = {{"a", std::string(kMaxTextCharacters / 2, 'a')},
                        {"b", [] { std::string s; for (size_t i = 0; i < kMaxTextCharacters; ++i) s += "\xC3\xA9"; return s; }()}};
  CHECK(CheckTextBounds(doc, "d").empty());  // 2,000 two-byte characters fit
  doc[std::string(kMaxNameCharacters + 1, 'k')] = 1;
  const auto issues = CheckTextBounds(doc, "d");
  REQUIRE(issues.size() == 1);
  CHECK_THAT(issues[0].message, Catch::Contains("a field name is 101 characters"));

  nlohmann::json many = nlohmann::json::array();
  for (int i = 0; i < 100; ++i) many.push_back(std::string(kMaxTextCharacters + 1, 'x'));
  CHECK(CheckTextBounds(many, "d", 20).size() == 20);
}

TEST_CASE("CheckPublication refuses an absurd text before any other check", "[text_bounds]") {
  auto d = RealDirectory();
  Org(d, "moviera")["website"]["url"] = "https://moviera.nl/" + std::string(40'000, '(');
  const auto check = CheckPublication(d.dump(), RealQuestionnaire().dump(), "directory", "questionnaire");
  REQUIRE(check.issues.size() == 1);
  CHECK_THAT(check.issues[0].ToString(), Catch::Contains("website.url") && Catch::Contains("at most 500"));
}

}  // namespace
}  // namespace hw::domain

#include "domain/reachability_proof.h"

#include <catch2/catch.hpp>


#include "domain/amsterdam_time.h"
#include "domain/freshness.h"
#include "domain/publication.h"
#include "domain/resident_view.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using testing::Org;
using testing::RealDirectory;
using testing::RealQuestionnaire;

std::string AllMessages(const Problems& issues) {
  std::string text;
  for (const auto& issue : issues) text += issue.ToString() + "\n";
  return text;
}

TEST_CASE("the real data: every path's first result answers at every minute of the week", "[reachability]") {
  CHECK(ProveReachableFirst(RealQuestionnaire(), ResidentView(RealDirectory())).empty());
}

TEST_CASE("a first result without a verified phone is refused, naming path, moment and organisation", "[reachability]") {
  auto directory = RealDirectory();
  // Veilig Thuis is the one that always answers; without its number, nothing does at night.
  Org(directory, "veilig-thuis")["services"][0]["phones"][0]["verified"] = false;
  const auto issues = ProveReachableFirst(RealQuestionnaire(), ResidentView(directory));
  REQUIRE(!issues.empty());
  const std::string text = AllMessages(issues);
  CHECK_THAT(text, Catch::Contains("(Europe/Amsterdam) the answers "));
  CHECK_THAT(text, Catch::Contains("\"veilig-thuis\" first"));
  CHECK_THAT(text, Catch::Matches("(.|\n)*at (MO|TU|WE|TH|FR|SA|SU) [0-9]{2}:[0-9]{2}(.|\n)*"));
  CHECK_THAT(text, Catch::Contains("more paths of answers have"));
}

TEST_CASE("a chat open only in office hours does not carry the night", "[reachability]") {
  auto directory = RealDirectory();
  // Veilig Thuis reachable only by its weekday chat: nights and weekends fail, days pass.
  auto& service = Org(directory, "veilig-thuis")["services"][0];
  service["phones"] = nlohmann::json::array();
  const std::string text = AllMessages(ProveReachableFirst(RealQuestionnaire(), ResidentView(directory)));
  CHECK_THAT(text, Catch::Contains("at MO 00:00"));
  CHECK_THAT(text, !Catch::Contains("at MO 09:00"));
}

TEST_CASE("publishing proves reachability with what age has withdrawn by then", "[reachability]") {
  const auto directory = RealDirectory().dump();
  const auto questionnaire = RealQuestionnaire().dump();
  auto real = RealDirectory();
  int64_t checked = 0;
  REQUIRE(ParseIsoDate(Org(real, "veilig-thuis")["services"][0]["phones"][0]["checked"].get<std::string>(), &checked));
  const int64_t last_day_shown = checked + kCrisisLineRecheckDays + kGraceDaysPastDue;
  CHECK(CheckPublication(directory, questionnaire, "d", "q", last_day_shown).issues.empty());
  const auto withdrawn = CheckPublication(directory, questionnaire, "d", "q", last_day_shown + 1);
  REQUIRE(!withdrawn.issues.empty());
  CHECK_THAT(AllMessages(withdrawn.issues), Catch::Contains("no organisation in that result can be reached then"));
}

TEST_CASE("a detail shown to residents must name its source", "[reachability]") {
  auto directory = RealDirectory();
  Org(directory, "centrum-seksueel-geweld")["services"][0]["phones"][0].erase("source_url");
  const auto check = CheckPublication(directory.dump(), RealQuestionnaire().dump(), "directory.json", "questionnaire.json");
  REQUIRE(check.issues.size() == 1);
  CHECK(check.issues[0].field == "services[0].phones[0].source_url");
  CHECK_THAT(check.issues[0].message, Catch::Contains("names no source"));
  auto http = RealDirectory();
  Org(http, "centrum-seksueel-geweld")["services"][0]["phones"][0]["source_url"] = "http://example.org/";
  CHECK(!CheckPublication(http.dump(), RealQuestionnaire().dump(), "d", "q").issues.empty());
}

TEST_CASE("facts without their own source are refused, and unverified facts are not shown", "[reachability]") {
  auto directory = RealDirectory();
  Org(directory, "fier")["services"][0].erase("facts");
  const auto check = CheckPublication(directory.dump(), RealQuestionnaire().dump(), "d", "q");
  REQUIRE(check.issues.size() == 1);
  CHECK(check.issues[0].field == "services[0].facts");
  auto unverified = RealDirectory();
  Org(unverified, "alarm-112")["services"][0]["facts"]["verified"] = false;
  auto view = ResidentView(unverified);
  CHECK_FALSE(Org(view, "alarm-112")["services"][0].contains("day_and_night"));
  CHECK(Org(view, "alarm-112")["services"][0]["phones"].size() == 1);  // the number has its own source
}

}  // namespace
}  // namespace hw::domain

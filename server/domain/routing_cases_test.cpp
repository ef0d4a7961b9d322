// The shared routing cases (tests/fixtures/routing-cases.json) through the server's engine,
// on what residents would see at each case's moment. tests/js/routing-cases.test.js runs
// the same file through the page's engine.
#include <catch2/catch.hpp>

#include <fstream>

#include "domain/amsterdam_time.h"
#include "domain/questionnaire.h"
#include "domain/reachability.h"
#include "domain/resident_view.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;

json Cases() {
  std::ifstream in(std::string(HW_SOURCE_DIR) + "/tests/fixtures/routing-cases.json");
  REQUIRE(in.good());
  return json::parse(in);
}

int64_t UnixOf(const std::string& iso) {  // "2026-12-04T22:10:00Z"
  int64_t days = 0;
  REQUIRE(ParseIsoDate(iso.substr(0, 10), &days));
  return days * 86400 + std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60;
}

// As the page does: a shown question the case does not answer counts as skipped.
Answers AnswersOf(const Questionnaire& model, const json& given) {
  Answers answers;
  for (const Question& q : model.questions) {
    if (!IsShown(q, answers)) {
      answers[q.id] = {Answer::State::kNotShown, {}};
    } else if (given.contains(q.id)) {
      std::set<std::string> chosen;
      if (given[q.id].is_array()) {
        for (const json& option : given[q.id]) chosen.insert(option.get<std::string>());
      } else {
        chosen.insert(given[q.id].get<std::string>());
      }
      answers[q.id] = {Answer::State::kAnswered, chosen};
    } else {
      answers[q.id] = {Answer::State::kSkipped, {}};
    }
  }
  return answers;
}

TEST_CASE("the shared routing cases hold in the server's engine", "[routing]") {
  const Questionnaire model = QuestionnaireFromJson(testing::RealQuestionnaire());
  const json directory = testing::RealDirectory();
  const json cases = Cases();  // a temporary's ["cases"] would dangle in the loop
  for (const json& c : cases["cases"]) {
    const std::string name = c["name"].get<std::string>();
    INFO(name);
    const int64_t at = UnixOf(c["at"].get<std::string>());
    const json view = ResidentView(directory, AmsterdamDay(at));
    std::map<std::string, json> orgs;
    for (const json& org : view["organizations"]) orgs[org["key"].get<std::string>()] = org;
    const LocalMoment moment = AmsterdamMoment(at);
    const auto routed = Route(model, AnswersOf(model, c["answers"]),
                              [&](const std::string& key) { return orgs.count(key) && ReachableAt(orgs[key], moment); });
    std::vector<std::string> keys;
    for (const auto& r : routed) keys.push_back(r.organization);
    REQUIRE(!keys.empty());
    CHECK(routed.front().reachable);  // the first result always answers
    if (c.contains("first")) CHECK(keys.front() == c["first"].get<std::string>());
    if (c.contains("order")) CHECK(keys == c["order"].get<std::vector<std::string>>());
    for (const json& key : c.value("includes", json::array()))
      CHECK(std::find(keys.begin(), keys.end(), key.get<std::string>()) != keys.end());
  }
}

}  // namespace
}  // namespace hw::domain

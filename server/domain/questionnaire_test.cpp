#include "domain/questionnaire.h"

#include <catch2/catch.hpp>

#include "domain/questionnaire_validator.h"
#include "domain/problem_for_tests.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using testing::RealDirectory;
using testing::RealQuestionnaire;

// Walks the questions in order as the page does: a shown question the resident did not
// answer counts as skipped; a question whose show_when fails is not shown.
Answers Walk(const Questionnaire& model, const std::map<std::string, std::set<std::string>>& given) {
  Answers answers;
  for (const Question& q : model.questions) {
    if (!IsShown(q, answers)) {
      answers[q.id] = {Answer::State::kNotShown, {}};
    } else if (given.count(q.id)) {
      answers[q.id] = {Answer::State::kAnswered, given.at(q.id)};
    } else {
      answers[q.id] = {Answer::State::kSkipped, {}};
    }
  }
  return answers;
}

std::vector<std::string> Keys(const std::vector<RoutedOrganization>& routed) {
  std::vector<std::string> keys;
  for (const auto& r : routed) keys.push_back(r.organization);
  return keys;
}

std::vector<std::string> RouteOf(const std::map<std::string, std::set<std::string>>& given) {
  const Questionnaire model = QuestionnaireFromJson(RealQuestionnaire());
  return Keys(Route(model, Walk(model, given)));
}

TEST_CASE("a professional asking about sexual violence is also pointed to CSG (rule 10)", "[routing]") {
  // Longer ago: rule 3 (CSG 70) and rule 10 (VT 90, KB 60, CSG 70 because sexual).
  const auto earlier = RouteOf({{"who", {"professional"}}, {"what", {"sexual"}}, {"when", {"earlier"}}});
  CHECK(earlier == std::vector<std::string>{"veilig-thuis", "centrum-seksueel-geweld", "kennisbank-hgkm", "slachtofferhulp"});
  // Recent or skipped `when`: the within-7-days advice comes first.
  CHECK(RouteOf({{"who", {"professional"}}, {"what", {"sexual"}}}).front() == "centrum-seksueel-geweld");
}

TEST_CASE("the weights of QUESTIONNAIRE.md, before reachability orders them", "[routing]") {
  // Without a moment the engine orders by weight alone; the shared cases
  // (routing_cases_test.cpp) hold the examples at real moments, reachable first.
  CHECK(RouteOf({{"danger", {"no"}}, {"who", {"self"}}, {"what", {"partner"}}, {"need", {"shelter"}}}).front() == "moviera");
  CHECK(RouteOf({{"danger", {"no"}}, {"who", {"own_behaviour"}}}).front() == "moviera");
  CHECK(RouteOf({}) == std::vector<std::string>{"veilig-thuis"});
  CHECK(RouteOf({{"danger", {"unsure"}}, {"who", {"other"}}, {"what", {"partner"}}}) ==
        std::vector<std::string>{"veilig-thuis", "alarm-112"});
}

TEST_CASE("weights are not summed, the highest wins, ties keep rule order", "[routing]") {
  // partner (VT 80) + shelter (Moviera 85, VT 75): VT keeps 80 from the earlier rule.
  const Questionnaire model = QuestionnaireFromJson(RealQuestionnaire());
  const auto routed = Route(model, Walk(model, {{"danger", {"no"}}, {"who", {"self"}}, {"what", {"partner"}}, {"need", {"shelter"}}}));
  REQUIRE(routed.size() == 2);
  CHECK(routed[1].organization == "veilig-thuis");
  CHECK(routed[1].weight == 80);
  CHECK(routed[1].rule != "shelter");
}

TEST_CASE("a skipped question matches only conditions that say unsure", "[routing]") {
  // `when` skipped after sexual counts as unsure: within-7-days advice (weight 90).
  const auto routed = RouteOf({{"who", {"self"}}, {"what", {"sexual"}}});
  CHECK(routed.front() == "centrum-seksueel-geweld");
  // Stalking adds the police; skipping `need` does not add the shelter rule.
  const auto stalking = RouteOf({{"who", {"self"}}, {"what", {"stalking"}}});
  CHECK(std::find(stalking.begin(), stalking.end(), "politie") != stalking.end());
  CHECK(std::find(stalking.begin(), stalking.end(), "moviera") == stalking.end());
}

TEST_CASE("the real questionnaire is valid against the real directory", "[questionnaire]") {
  const Problems issues = ValidateQuestionnaire(RealQuestionnaire(), RealDirectory());
  INFO(Describe(issues));
  CHECK(issues.empty());
}

void ExpectIssue(const nlohmann::json& questionnaire, const std::vector<std::string>& fragments) {
  const Problems issues = ValidateQuestionnaire(questionnaire, RealDirectory());
  INFO(Describe(issues));
  REQUIRE_FALSE(issues.empty());
  testing::CheckParamsMatchTemplate(issues);
  const std::string text = issues[0].ToString();
  for (const auto& fragment : fragments) CHECK_THAT(text, Catch::Contains(fragment));
}

nlohmann::json& RuleById(nlohmann::json& q, const std::string& id) {
  for (auto& rule : q["rules"])
    if (rule["id"] == id) return rule;
  throw std::runtime_error("no rule " + id);
}

TEST_CASE("the server refuses questionnaires that would mislead", "[questionnaire]") {
  auto q = RealQuestionnaire();
  const std::string first_rule = q["rules"][0]["id"];

  SECTION("an unknown organisation") {
    q["rules"][0]["adds"][0]["organization"] = "nobody";
    ExpectIssue(q, {"rule \"" + first_rule + "\"", "adds[0].organization", "\"nobody\", which is not in the directory"});
  }
  SECTION("an organisation without an active service") {
    q["rules"][0]["adds"][0]["organization"] = "veilige-steden";
    ExpectIssue(q, {"adds[0].organization", "no active service"});
  }
  SECTION("a cycle: a question that depends on a later one") {
    q["questions"][0]["show_when"] = {{"question", "need"}, {"in", {"talk"}}};
    ExpectIssue(q, {"question \"danger\"", "show_when.question", "is not asked before this one"});
  }
  SECTION("an option that does not exist") {
    q["rules"][0]["when"] = {{"question", "danger"}, {"in", {"maybe"}}};
    ExpectIssue(q, {"when.in[0]", "\"maybe\" is not an option of question \"danger\""});
  }
  SECTION("a dead end: without the fallback rule, skipping everything leads nowhere") {
    auto& rules = q["rules"];
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i]["when"].contains("otherwise")) rules.erase(i);
    ExpectIssue(q, {"questionnaire.json", "lead to no help at all (a dead end)"});
  }
  SECTION("a rule that can never match") {
    RuleById(q, first_rule)["when"] = {{"all", {{{"question", "danger"}, {"in", {"yes"}}}, {{"question", "danger"}, {"in", {"no"}}}}}};
    ExpectIssue(q, {"rule \"" + first_rule + "\"", "can never match"});
  }
  SECTION("a conditional add that no path reaches (a question hidden on that path)") {
    q["questions"][2]["show_when"]["in"] = {"self", "other"};  // `what` not asked of professionals
    ExpectIssue(q, {"rule \"professional\"", "adds[2].when", "never adds centrum-seksueel-geweld"});
  }
  SECTION("a duplicated question id") {
    q["questions"][1]["id"] = "danger";
    ExpectIssue(q, {"\"danger\" is used by another question"});
  }
}

}  // namespace
}  // namespace hw::domain

#include "domain/answer_path_summary.h"

#include <catch2/catch.hpp>

#include <map>

#include "domain/answer_paths.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using testing::RealQuestionnaire;

std::vector<std::string> WidestResult(const Questionnaire& model, const Answers& answers) {
  std::vector<std::string> organizations;
  for (const auto& routed : Route(model, answers, [](const std::string&) { return false; }))
    organizations.push_back(routed.organization);
  return organizations;
}

TEST_CASE("the summary of the real questionnaire agrees with routing every path itself", "[paths]") {
  const auto questionnaire = RealQuestionnaire();
  const Questionnaire model = QuestionnaireFromJson(questionnaire);
  const auto summary = SummarizeAnswerPaths(questionnaire);
  REQUIRE_FALSE(summary->too_many);

  // Walk again, independently, and count the paths that lead to each widest result.
  std::map<std::vector<std::string>, size_t> expected;
  const size_t walked = ForEachAnswerPath(model, kMaxAnswerPaths, [&](const Answers& answers) {
    ++expected[WidestResult(model, answers)];
  });
  CHECK(summary->paths == walked);
  REQUIRE(summary->outcomes.size() == expected.size());
  for (const auto& outcome : summary->outcomes) {
    INFO(outcome.organizations.size() << " organisations");
    CHECK(outcome.paths == expected[outcome.organizations]);
    REQUIRE_FALSE(outcome.examples.empty());
    CHECK(outcome.examples.size() <= AnswerPathSummary::kExamples);
    for (size_t i = 0; i < outcome.examples.size(); ++i) {
      CHECK(WidestResult(model, outcome.examples[i].answers) == outcome.organizations);
      if (i > 0) CHECK(outcome.examples[i - 1].index < outcome.examples[i].index);
    }
  }
  CHECK(summary->dead_ends == 0);
  CHECK(summary->dead_end_examples.empty());
}

TEST_CASE("the same questionnaire is walked once, a changed one again", "[paths]") {
  auto questionnaire = RealQuestionnaire();
  const auto first = SummarizeAnswerPaths(questionnaire);
  CHECK(SummarizeAnswerPaths(questionnaire) == first);

  // Without its rules, every path is a dead end: a different summary, not the kept one.
  questionnaire["rules"] = nlohmann::json::array();
  const auto changed = SummarizeAnswerPaths(questionnaire);
  CHECK(changed != first);
  CHECK(changed->dead_ends == changed->paths);
  CHECK(changed->dead_end_examples.size() == AnswerPathSummary::kExamples);
  CHECK(changed->dead_end_examples[0].index == 0);
  CHECK(changed->matched_rules.empty());
}

}  // namespace
}  // namespace hw::domain

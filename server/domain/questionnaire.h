// The questionnaire and its routing rules as a model, and the routing engine: which
// organisations fit a resident's answers, best first. The page evaluates the same rules in
// JavaScript (webapp/components/routing); the server uses this engine to prove, before it
// publishes, that every path of answers leads to help. Values only; thread-safe to share
// once built.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hw::domain {

struct Condition {
  enum class Kind { kAnswer, kAll, kAny, kOtherwise };
  Kind kind = Kind::kAnswer;
  std::string question;             // kAnswer
  std::set<std::string> in;         // kAnswer: option ids
  std::optional<bool> if_skipped;   // kAnswer: overrides "matches when `in` has unsure"
  std::vector<Condition> children;  // kAll, kAny
};

struct Question {
  std::string id;
  bool multiple = false;
  std::optional<Condition> show_when;
  std::vector<std::string> options;
};

struct RuleAdd {
  std::string organization;  // directory key
  int weight = 0;
  std::optional<Condition> when;
};

struct Rule {
  std::string id;
  Condition when;
  std::vector<RuleAdd> adds;
};

struct Questionnaire {
  std::vector<Question> questions;
  std::vector<Rule> rules;
};

struct Answer {
  enum class State { kNotShown, kSkipped, kAnswered };
  State state = State::kNotShown;
  std::set<std::string> chosen;
};
using Answers = std::map<std::string, Answer>;  // by question id; absent = not shown

struct RoutedOrganization {
  std::string organization;
  int weight = 0;
  std::string rule;  // the rule that gave this weight (its `because` is the reason shown)
};

// Builds the model from a document that passed ValidateQuestionnaire's structural checks.
Questionnaire QuestionnaireFromJson(const nlohmann::json& document);

bool Matches(const Condition& condition, const Answers& answers);
bool IsShown(const Question& question, const Answers& answers);

// Every matching rule adds its organisations; the highest weight wins (not summed);
// ordered by weight, ties in rule order. See directory-data/README.md.
std::vector<RoutedOrganization> Route(const Questionnaire& questionnaire, const Answers& answers);

}  // namespace hw::domain

// The questionnaire and its routing rules as a model, and the routing engine: which
// organisations fit a resident's answers, best first: those the resident can reach now
// before those they cannot, then by weight. The page evaluates the same rules in
// JavaScript (webapp/components/routing); the server uses this engine to prove, before it
// publishes, that every path of answers leads to help. Values only; thread-safe to share
// once built.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hw::domain {

struct Condition {
  // kOtherwise: no other rule added anything. kNoneReachable: nothing added so far can be
  // reached now (the safety net that always puts someone who answers in the result).
  enum class Kind { kAnswer, kAll, kAny, kOtherwise, kNoneReachable };
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
  std::string rule;        // the rule that gave this weight (its `because` is the reason shown)
  bool reachable = false;  // can be reached now (always false without a Reachable test)
};

// Whether an organisation (by directory key) can be reached at the moment routed for.
using Reachable = std::function<bool(const std::string& organization)>;

// Builds the model from a document that passed ValidateQuestionnaire's structural checks.
Questionnaire QuestionnaireFromJson(const nlohmann::json& document);

bool Matches(const Condition& condition, const Answers& answers);
bool IsShown(const Question& question, const Answers& answers);

// Every matching rule adds its organisations; the highest weight wins (not summed). With
// `reachable`, rules marked none_reachable add theirs when nothing else can be reached, and
// reachable organisations come first. Then by weight, ties in rule order.
// See directory-data/README.md.
std::vector<RoutedOrganization> Route(const Questionnaire& questionnaire, const Answers& answers,
                                      const Reachable& reachable = nullptr);

// The rules that apply when nothing else is reachable, for the proof that always checks them.
bool IsFallback(const Rule& rule);

}  // namespace hw::domain

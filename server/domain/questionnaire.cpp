#include "domain/questionnaire.h"

#include <algorithm>

namespace hw::domain {
namespace {

using nlohmann::json;

Condition ConditionFromJson(const json& node) {
  Condition condition;
  if (node.contains("otherwise")) {
    condition.kind = Condition::Kind::kOtherwise;
  } else if (node.contains("none_reachable")) {
    condition.kind = Condition::Kind::kNoneReachable;
  } else if (node.contains("all") || node.contains("any")) {
    condition.kind = node.contains("all") ? Condition::Kind::kAll : Condition::Kind::kAny;
    for (const json& child : node.contains("all") ? node["all"] : node["any"])
      condition.children.push_back(ConditionFromJson(child));
  } else {
    condition.question = node["question"].get<std::string>();
    for (const json& option : node["in"]) condition.in.insert(option.get<std::string>());
    if (node.contains("if_skipped")) condition.if_skipped = node["if_skipped"].get<bool>();
  }
  return condition;
}

}  // namespace

Questionnaire QuestionnaireFromJson(const json& document) {
  Questionnaire model;
  for (const json& q : document["questions"]) {
    Question question;
    question.id = q["id"].get<std::string>();
    question.multiple = q.value("multiple", false);
    if (q.contains("show_when")) question.show_when = ConditionFromJson(q["show_when"]);
    for (const json& option : q["options"]) question.options.push_back(option["id"].get<std::string>());
    model.questions.push_back(std::move(question));
  }
  for (const json& r : document["rules"]) {
    Rule rule;
    rule.id = r["id"].get<std::string>();
    rule.when = ConditionFromJson(r["when"]);
    for (const json& a : r["adds"]) {
      RuleAdd add{a["organization"].get<std::string>(), a["weight"].get<int>(), std::nullopt};
      if (a.contains("when")) add.when = ConditionFromJson(a["when"]);
      rule.adds.push_back(std::move(add));
    }
    model.rules.push_back(std::move(rule));
  }
  return model;
}

bool Matches(const Condition& condition, const Answers& answers) {
  switch (condition.kind) {
    case Condition::Kind::kOtherwise:
    case Condition::Kind::kNoneReachable:
      return false;  // decided by Route, after all other rules
    case Condition::Kind::kAll:
      return std::all_of(condition.children.begin(), condition.children.end(),
                         [&](const Condition& c) { return Matches(c, answers); });
    case Condition::Kind::kAny:
      return std::any_of(condition.children.begin(), condition.children.end(),
                         [&](const Condition& c) { return Matches(c, answers); });
    case Condition::Kind::kAnswer:
      break;
  }
  const auto found = answers.find(condition.question);
  if (found == answers.end() || found->second.state == Answer::State::kNotShown) return false;
  if (found->second.state == Answer::State::kSkipped) {
    // A skipped question matches only rules that say "unsure" (or nothing).
    return condition.if_skipped.value_or(condition.in.count("unsure") > 0);
  }
  for (const std::string& chosen : found->second.chosen)
    if (condition.in.count(chosen)) return true;
  return false;
}

bool IsShown(const Question& question, const Answers& answers) {
  return !question.show_when || Matches(*question.show_when, answers);
}

bool IsFallback(const Rule& rule) { return rule.when.kind == Condition::Kind::kNoneReachable; }

std::vector<RoutedOrganization> Route(const Questionnaire& questionnaire, const Answers& answers,
                                      const Reachable& reachable) {
  struct Entry {
    RoutedOrganization routed;
    size_t order;  // rule index * 1000 + add index of the rule that gave the weight
  };
  std::map<std::string, Entry> best;
  auto apply = [&](const Rule& rule, size_t rule_index) {
    for (size_t a = 0; a < rule.adds.size(); ++a) {
      const RuleAdd& add = rule.adds[a];
      if (add.when && !Matches(*add.when, answers)) continue;
      auto it = best.find(add.organization);
      if (it == best.end() || add.weight > it->second.routed.weight)
        best[add.organization] = {{add.organization, add.weight, rule.id, false}, rule_index * 1000 + a};
    }
  };
  auto apply_kind = [&](Condition::Kind kind) {
    for (size_t r = 0; r < questionnaire.rules.size(); ++r)
      if (questionnaire.rules[r].when.kind == kind) apply(questionnaire.rules[r], r);
  };
  for (size_t r = 0; r < questionnaire.rules.size(); ++r) {
    const Rule& rule = questionnaire.rules[r];
    if (Matches(rule.when, answers)) apply(rule, r);
  }
  if (best.empty()) apply_kind(Condition::Kind::kOtherwise);
  if (reachable) {
    bool any = false;
    for (auto& [key, entry] : best) any = (entry.routed.reachable = reachable(key)) || any;
    if (!any) {
      apply_kind(Condition::Kind::kNoneReachable);
      for (auto& [key, entry] : best) entry.routed.reachable = reachable(key);
    }
  }
  std::vector<Entry> entries;
  for (auto& [key, entry] : best) entries.push_back(entry);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.routed.reachable != b.routed.reachable) return a.routed.reachable;
    if (a.routed.weight != b.routed.weight) return a.routed.weight > b.routed.weight;
    return a.order < b.order;
  });
  std::vector<RoutedOrganization> result;
  for (auto& entry : entries) result.push_back(std::move(entry.routed));
  return result;
}

}  // namespace hw::domain

#include "domain/questionnaire_validator.h"

#include <map>
#include <set>

#include "domain/answer_path_summary.h"
#include "domain/answer_paths.h"
#include "domain/json_checker.h"
#include "domain/questionnaire.h"
#include "domain/text_shape.h"
#include "util/plural.h"

namespace hw::domain {
namespace {

using nlohmann::json;


// Option ids per question id, for the questions before the one being checked.
using KnownOptions = std::map<std::string, std::set<std::string>>;

// `unknown` is the problem of a condition that names a question not in `known`: one
// asked later (in show_when) or one that does not exist (in rules).
void CheckCondition(JsonChecker& c, const json& node, const KnownOptions& known, int depth, ProblemCode unknown) {
  if (depth > 8) return c.Fail(ProblemCode::kConditionTooDeep);
  if (!node.is_object()) return c.Fail(ProblemCode::kConditionNotObject);
  if (node.contains("all") || node.contains("any")) {
    const char* key = node.contains("all") ? "all" : "any";
    c.OnlyKeys(node, {key});
    if (!c.Array(node, key)) return;
    for (size_t i = 0; i < node[key].size(); ++i)
      c.WithField(Index(key, i), [&] { CheckCondition(c, node[key][i], known, depth + 1, unknown); });
    return;
  }
  c.OnlyKeys(node, {"question", "in", "if_skipped"});
  if (!c.String(node, "question")) return;
  const std::string question = node["question"].get<std::string>();
  const auto options = known.find(question);
  if (options == known.end()) {
    return c.Fail(MakeProblem(unknown, {{"question", Shortened(question)}}), "question");
  }
  c.Bool(node, "if_skipped", /*required=*/false);
  if (!c.Array(node, "in")) return;
  for (size_t i = 0; i < node["in"].size(); ++i) {
    const json& option = node["in"][i];
    if (!option.is_string() || !options->second.count(option.get<std::string>()))
      c.Fail(MakeProblem(ProblemCode::kNotAnOption,
                         {{"value", Shortened(option.is_string() ? option.get<std::string>() : option.dump())},
                          {"question", Shortened(question)}}),
             Index("in", i));
  }
}

constexpr size_t kMaxMultipleOptions = 12;

bool TooManyOptions(const json& q, const std::set<std::string>& options) {
  return q.contains("multiple") && q["multiple"] == true && options.size() > kMaxMultipleOptions;
}

// Structural checks; returns the option ids of every question.
KnownOptions CheckQuestions(JsonChecker& c, const json& questions) {
  KnownOptions known;
  for (size_t i = 0; i < questions.size(); ++i) {
    const json& q = questions[i];
    const std::string id = q.is_object() && q.contains("id") && q["id"].is_string() ? q["id"].get<std::string>() : "";
    c.WithEntry("question \"" + id + "\" (questions[" + std::to_string(i) + "])", [&] {
      if (!q.is_object()) return c.Fail(ProblemCode::kNotObject);
      c.OnlyKeys(q, {"id", "text", "text_other", "hint", "multiple", "show_when", "options"});
      if (c.String(q, "id") && !IsIdentifier(id)) c.Fail(ProblemCode::kNotIdentifier, "id");
      if (known.count(id)) c.Fail(MakeProblem(ProblemCode::kQuestionIdTaken, {{"id", Shortened(id)}}), "id");
      c.Text(q, "text");
      c.Text(q, "text_other", false);
      c.Text(q, "hint", false);
      c.Bool(q, "multiple");
      if (q.contains("show_when"))
        c.WithField("show_when", [&] {
          CheckCondition(c, q["show_when"], known, 0, ProblemCode::kQuestionLater);
        });
      std::set<std::string> options;
      if (c.Array(q, "options")) {
        for (size_t o = 0; o < q["options"].size(); ++o) {
          c.WithField(Index("options", o), [&] {
            const json& option = q["options"][o];
            if (!option.is_object()) return c.Fail(ProblemCode::kNotObject);
            c.OnlyKeys(option, {"id", "label", "label_other"});
            if (c.String(option, "id") && !options.insert(option["id"].get<std::string>()).second)
              c.Fail(MakeProblem(ProblemCode::kOptionTwice, {{"id", Shortened(option["id"].get<std::string>())}}), "id");
            c.Text(option, "label");
            c.Text(option, "label_other", false);
          });
        }
      }
      if (TooManyOptions(q, options)) c.Fail(MakeProblem(ProblemCode::kTooManyOptions, {{"max", kMaxMultipleOptions}}), "options");
      if (!id.empty()) known[id] = options;
    });
  }
  return known;
}

void CheckRules(JsonChecker& c, const json& rules, const KnownOptions& known, const std::map<std::string, bool>& orgs) {
  std::set<std::string> ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    const json& r = rules[i];
    const std::string id = r.is_object() && r.contains("id") && r["id"].is_string() ? r["id"].get<std::string>() : "";
    c.WithEntry("rule \"" + id + "\" (rules[" + std::to_string(i) + "])", [&] {
      if (!r.is_object()) return c.Fail(ProblemCode::kNotObject);
      c.OnlyKeys(r, {"id", "when", "adds", "because", "because_other"});
      if (c.String(r, "id") && !ids.insert(id).second) c.Fail(MakeProblem(ProblemCode::kRuleIdTaken, {{"id", Shortened(id)}}), "id");
      c.Text(r, "because");
      c.Text(r, "because_other", /*required=*/false);  // when the help is for someone else
      if (c.Object(r, "when")) {
        c.WithField("when", [&] {
          if (r["when"].contains("otherwise")) {
            c.OnlyKeys(r["when"], {"otherwise"});
            if (r["when"]["otherwise"] != true) c.Fail(ProblemCode::kMustBeTrue, "otherwise");
          } else if (r["when"].contains("none_reachable")) {
            c.OnlyKeys(r["when"], {"none_reachable"});
            if (r["when"]["none_reachable"] != true) c.Fail(ProblemCode::kMustBeTrue, "none_reachable");
          } else {
            CheckCondition(c, r["when"], known, 0, ProblemCode::kQuestionUnknown);
          }
        });
      }
      if (!c.Array(r, "adds")) return;
      for (size_t a = 0; a < r["adds"].size(); ++a) {
        c.WithField(Index("adds", a), [&] {
          const json& add = r["adds"][a];
          if (!add.is_object()) return c.Fail(ProblemCode::kNotObject);
          c.OnlyKeys(add, {"organization", "weight", "when"});
          c.Integer(add, "weight", 1, 1000);
          if (add.contains("when")) c.WithField("when", [&] { CheckCondition(c, add["when"], known, 0, ProblemCode::kQuestionUnknown); });
          if (!c.String(add, "organization")) return;
          const std::string key = add["organization"].get<std::string>();
          const auto org = orgs.find(key);
          const json names = {{"organization", Shortened(key)}};
          if (org == orgs.end()) c.Fail(MakeProblem(ProblemCode::kRoutedMissing, names), "organization");
          else if (!org->second) c.Fail(MakeProblem(ProblemCode::kRoutedInactive, names), "organization");
        });
      }
    });
  }
}

// Organisation key -> whether it has at least one active service.
std::map<std::string, bool> OrganizationsOf(const json& directory) {
  std::map<std::string, bool> orgs;
  if (!directory.is_object() || !directory.contains("organizations") || !directory["organizations"].is_array()) return orgs;
  for (const json& org : directory["organizations"]) {
    if (!org.is_object() || !org.contains("key") || !org["key"].is_string()) continue;
    bool active = false;
    if (org.contains("services") && org["services"].is_array())
      for (const json& service : org["services"]) active = active || (service.is_object() && service.value("status", "") == "active");
    orgs[org["key"].get<std::string>()] = active;
  }
  return orgs;
}

// From every path of answers (walked once per questionnaire): dead ends (the first few)
// and rules that never match.
void CheckEveryPath(JsonChecker& c, const json& questionnaire) {
  const Questionnaire model = QuestionnaireFromJson(questionnaire);
  const auto summary = SummarizeAnswerPaths(questionnaire);
  if (summary->too_many) {
    c.Fail(MakeProblem(ProblemCode::kTooManyPaths, {{"max", kMaxAnswerPaths}}));
    return;
  }
  for (const auto& path : summary->dead_end_examples)
    c.WithEntry("", [&] { c.Fail(MakeProblem(ProblemCode::kDeadEnd, {{"answers", DescribeAnswers(model, path.answers)}})); });
  const size_t named = summary->dead_end_examples.size();
  if (summary->dead_ends > named)
    c.Fail(MakeProblem(ProblemCode::kDeadEndMore, {{"count", summary->dead_ends - named}},
                       "and " + Counted(summary->dead_ends - named, "more path of answers leads", "more paths of answers lead") +
                           " to no help"));
  const auto& matched_rules = summary->matched_rules;
  const auto& fired_adds = summary->fired_adds;
  for (size_t r = 0; r < model.rules.size(); ++r) {
    const Rule& rule = model.rules[r];
    const std::string entry = "rule \"" + rule.id + "\" (rules[" + std::to_string(r) + "])";
    const bool decided_by_route = rule.when.kind == Condition::Kind::kOtherwise || IsFallback(rule);
    if (!decided_by_route && !matched_rules.count(rule.id)) {
      c.WithEntry(entry, [&] { c.Fail(ProblemCode::kNeverMatches, "when"); });
      continue;
    }
    for (size_t a = 0; a < rule.adds.size(); ++a) {
      if (!rule.adds[a].when || decided_by_route || fired_adds.count({rule.id, a})) continue;
      c.WithEntry(entry, [&] {
        c.Fail(MakeProblem(ProblemCode::kNeverAdds, {{"organization", rule.adds[a].organization}}),
               Index("adds", a) + ".when");
      });
    }
  }
}

}  // namespace

Problems ValidateQuestionnaire(const json& questionnaire, const json& directory, const std::string& file) {
  JsonChecker c(file);
  if (!questionnaire.is_object()) {
    c.Fail(ProblemCode::kQuestionnaireShape);
    return c.issues();
  }
  c.OnlyKeys(questionnaire, {"format", "questions", "rules"});
  c.Integer(questionnaire, "format", 1, 1);
  const bool has_questions = c.Array(questionnaire, "questions");
  const bool has_rules = c.Array(questionnaire, "rules");
  if (!has_questions || !has_rules) return c.issues();
  const KnownOptions known = CheckQuestions(c, questionnaire["questions"]);
  CheckRules(c, questionnaire["rules"], known, OrganizationsOf(directory));
  if (!c.issues().empty()) return c.issues();  // the model needs a well-formed document
  CheckEveryPath(c, questionnaire);
  return c.issues();
}

}  // namespace hw::domain

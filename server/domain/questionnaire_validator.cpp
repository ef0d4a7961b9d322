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

void CheckCondition(JsonChecker& c, const json& node, const KnownOptions& known, int depth, const std::string& scope) {
  if (depth > 8) return c.Fail("conditions are nested too deeply (at most 8 levels)");
  if (!node.is_object()) return c.Fail("a condition must be an object");
  if (node.contains("all") || node.contains("any")) {
    const char* key = node.contains("all") ? "all" : "any";
    c.OnlyKeys(node, {key});
    if (!c.Array(node, key)) return;
    for (size_t i = 0; i < node[key].size(); ++i)
      c.WithField(Index(key, i), [&] { CheckCondition(c, node[key][i], known, depth + 1, scope); });
    return;
  }
  c.OnlyKeys(node, {"question", "in", "if_skipped"});
  if (!c.String(node, "question")) return;
  const std::string question = node["question"].get<std::string>();
  const auto options = known.find(question);
  if (options == known.end()) {
    return c.Fail("refers to question \"" + question + "\", which " + scope, "question");
  }
  c.Bool(node, "if_skipped", /*required=*/false);
  if (!c.Array(node, "in")) return;
  for (size_t i = 0; i < node["in"].size(); ++i) {
    const json& option = node["in"][i];
    if (!option.is_string() || !options->second.count(option.get<std::string>()))
      c.Fail("\"" + (option.is_string() ? option.get<std::string>() : option.dump()) + "\" is not an option of question \"" +
                 question + "\"",
             Index("in", i));
  }
}

bool TooManyOptions(const json& q, const std::set<std::string>& options) {
  return q.contains("multiple") && q["multiple"] == true && options.size() > 12;
}

// Structural checks; returns the option ids of every question.
KnownOptions CheckQuestions(JsonChecker& c, const json& questions) {
  KnownOptions known;
  for (size_t i = 0; i < questions.size(); ++i) {
    const json& q = questions[i];
    const std::string id = q.is_object() && q.contains("id") && q["id"].is_string() ? q["id"].get<std::string>() : "";
    c.WithEntry("question \"" + id + "\" (questions[" + std::to_string(i) + "])", [&] {
      if (!q.is_object()) return c.Fail("must be an object");
      c.OnlyKeys(q, {"id", "text", "text_other", "hint", "multiple", "show_when", "options"});
      if (c.String(q, "id") && !IsIdentifier(id)) c.Fail("must be lowercase letters, digits and _", "id");
      if (known.count(id)) c.Fail("\"" + id + "\" is used by another question", "id");
      c.Text(q, "text");
      c.Text(q, "text_other", false);
      c.Text(q, "hint", false);
      c.Bool(q, "multiple");
      if (q.contains("show_when"))
        c.WithField("show_when", [&] {
          CheckCondition(c, q["show_when"], known, 0, "is not asked before this one (a question may only depend on earlier ones)");
        });
      std::set<std::string> options;
      if (c.Array(q, "options")) {
        for (size_t o = 0; o < q["options"].size(); ++o) {
          c.WithField(Index("options", o), [&] {
            const json& option = q["options"][o];
            if (!option.is_object()) return c.Fail("must be an object");
            c.OnlyKeys(option, {"id", "label", "label_other"});
            if (c.String(option, "id") && !options.insert(option["id"].get<std::string>()).second)
              c.Fail("\"" + option["id"].get<std::string>() + "\" is used twice in this question", "id");
            c.Text(option, "label");
            c.Text(option, "label_other", false);
          });
        }
      }
      if (TooManyOptions(q, options)) c.Fail("a multiple-choice question may have at most 12 options", "options");
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
      if (!r.is_object()) return c.Fail("must be an object");
      c.OnlyKeys(r, {"id", "when", "adds", "because", "because_other"});
      if (c.String(r, "id") && !ids.insert(id).second) c.Fail("\"" + id + "\" is used by another rule", "id");
      c.Text(r, "because");
      c.Text(r, "because_other", /*required=*/false);  // when the help is for someone else
      if (c.Object(r, "when")) {
        c.WithField("when", [&] {
          if (r["when"].contains("otherwise")) {
            c.OnlyKeys(r["when"], {"otherwise"});
            if (r["when"]["otherwise"] != true) c.Fail("must be true", "otherwise");
          } else if (r["when"].contains("none_reachable")) {
            c.OnlyKeys(r["when"], {"none_reachable"});
            if (r["when"]["none_reachable"] != true) c.Fail("must be true", "none_reachable");
          } else {
            CheckCondition(c, r["when"], known, 0, "does not exist");
          }
        });
      }
      if (!c.Array(r, "adds")) return;
      for (size_t a = 0; a < r["adds"].size(); ++a) {
        c.WithField(Index("adds", a), [&] {
          const json& add = r["adds"][a];
          if (!add.is_object()) return c.Fail("must be an object");
          c.OnlyKeys(add, {"organization", "weight", "when"});
          c.Integer(add, "weight", 1, 1000);
          if (add.contains("when")) c.WithField("when", [&] { CheckCondition(c, add["when"], known, 0, "does not exist"); });
          if (!c.String(add, "organization")) return;
          const std::string key = add["organization"].get<std::string>();
          const auto org = orgs.find(key);
          if (org == orgs.end()) c.Fail("names organisation \"" + key + "\", which is not in the directory", "organization");
          else if (!org->second)
            c.Fail("names organisation \"" + key + "\", which has no active service to send people to", "organization");
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
    c.Fail("has more than " + std::to_string(kMaxAnswerPaths) + " paths of answers; too many to check that each leads to help");
    return;
  }
  for (const auto& path : summary->dead_end_examples)
    c.WithEntry("", [&] { c.Fail("the answers " + DescribeAnswers(model, path.answers) + " lead to no help at all (a dead end)"); });
  const size_t named = summary->dead_end_examples.size();
  if (summary->dead_ends > named)
    c.Fail("and " + Counted(summary->dead_ends - named, "more path of answers leads", "more paths of answers lead") +
           " to no help");
  const auto& matched_rules = summary->matched_rules;
  const auto& fired_adds = summary->fired_adds;
  for (size_t r = 0; r < model.rules.size(); ++r) {
    const Rule& rule = model.rules[r];
    const std::string entry = "rule \"" + rule.id + "\" (rules[" + std::to_string(r) + "])";
    const bool decided_by_route = rule.when.kind == Condition::Kind::kOtherwise || IsFallback(rule);
    if (!decided_by_route && !matched_rules.count(rule.id)) {
      c.WithEntry(entry, [&] { c.Fail("can never match: no combination of answers reaches it", "when"); });
      continue;
    }
    for (size_t a = 0; a < rule.adds.size(); ++a) {
      if (!rule.adds[a].when || decided_by_route || fired_adds.count({rule.id, a})) continue;
      c.WithEntry(entry, [&] {
        c.Fail("never adds " + rule.adds[a].organization +
                   ": no answers that match the rule also meet this condition (is a question hidden on that path?)",
               Index("adds", a) + ".when");
      });
    }
  }
}

}  // namespace

ValidationIssues ValidateQuestionnaire(const json& questionnaire, const json& directory, const std::string& file) {
  JsonChecker c(file);
  if (!questionnaire.is_object()) {
    c.Fail("the document must be a JSON object with \"format\", \"questions\" and \"rules\"");
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

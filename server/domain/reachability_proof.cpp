#include "domain/reachability_proof.h"

#include <algorithm>
#include <map>
#include <vector>

#include "domain/answer_path_summary.h"
#include "domain/answer_paths.h"
#include "domain/json_checker.h"
#include "domain/questionnaire.h"
#include "domain/reachability.h"
#include "util/plural.h"

namespace hw::domain {
namespace {

using nlohmann::json;

constexpr size_t kPathsNamed = AnswerPathSummary::kExamples;

std::map<std::string, WeekMinutes> ReachableMinutesByKey(const json& resident_directory) {
  std::map<std::string, WeekMinutes> minutes;
  for (const json& org : resident_directory["organizations"])
    minutes[org.value("key", "")] = ReachableMinutes(org);
  return minutes;
}

int FirstUnset(const WeekMinutes& minutes) {
  for (int m = 0; m < kMinutesPerWeek; ++m)
    if (!minutes.test(m)) return m;
  return -1;
}

}  // namespace

Problems ProveReachableFirst(const json& questionnaire, const json& resident_directory, const std::string& file) {
  JsonChecker c(file);
  const Questionnaire model = QuestionnaireFromJson(questionnaire);
  const std::map<std::string, WeekMinutes> reachable = ReachableMinutesByKey(resident_directory);
  const auto minutes_of = [&](const std::string& key) {
    const auto found = reachable.find(key);
    return found == reachable.end() ? WeekMinutes() : found->second;
  };
  // With nothing reachable, a path's result holds every organisation it could ever hold
  // (the none_reachable rules' too); at a minute where none of them answers, whatever
  // comes first cannot be reached. Many paths share such a result, so each distinct one
  // is checked once, and the first failing paths in walk order are named.
  const auto summary = SummarizeAnswerPaths(questionnaire);
  struct Failure {
    const AnswerPathSummary::Path* path;
    const AnswerPathSummary::Outcome* outcome;
    int gap;
  };
  std::vector<Failure> named;
  size_t failures = 0;
  for (const auto& outcome : summary->outcomes) {
    WeekMinutes covered;
    for (const auto& organization : outcome.organizations) covered |= minutes_of(organization);
    const int gap = FirstUnset(covered);
    if (gap < 0) continue;
    failures += outcome.paths;
    for (const auto& path : outcome.examples) named.push_back({&path, &outcome, gap});
  }
  std::sort(named.begin(), named.end(), [](const Failure& a, const Failure& b) { return a.path->index < b.path->index; });
  if (named.size() > kPathsNamed) named.resize(kPathsNamed);
  for (const Failure& failure : named) {
    const auto& organizations = failure.outcome->organizations;
    const std::string moment = DescribeMinuteOfWeek(failure.gap);  // "MO 03:00"
    const json params = {{"day", moment.substr(0, 2)},
                         {"time", moment.substr(3)},
                         {"answers", DescribeAnswers(model, failure.path->answers)},
                         {"organization", organizations.empty() ? "" : organizations.front()}};
    std::string message = RenderTemplate(EnglishTemplate(ProblemCode::kUnreachable), params);
    if (const size_t quotes = message.find("\"\" first"); organizations.empty() && quotes != std::string::npos)
      message.replace(quotes, 2, "nobody");  // "put nobody first"
    c.WithEntry("routing", [&] { c.Fail(MakeProblem(ProblemCode::kUnreachable, params, message)); });
  }
  if (failures > named.size()) {
    c.WithEntry("routing", [&] {
      c.Fail(MakeProblem(ProblemCode::kUnreachableMore, {{"count", failures - named.size()}},
                         "and " + Counted(failures - named.size(), "more path of answers has", "more paths of answers have") +
                             " moments at which their first result cannot be reached"));
    });
  }
  return c.issues();
}

}  // namespace hw::domain

#include "domain/reachability_proof.h"

#include <map>

#include "domain/answer_paths.h"
#include "domain/json_checker.h"
#include "domain/questionnaire.h"
#include "domain/reachability.h"
#include "util/plural.h"

namespace hw::domain {
namespace {

using nlohmann::json;

constexpr size_t kMaxPaths = 2'000'000;
constexpr size_t kPathsNamed = 3;

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

ValidationIssues ProveReachableFirst(const json& questionnaire, const json& resident_directory, const std::string& file) {
  JsonChecker c(file);
  const Questionnaire model = QuestionnaireFromJson(questionnaire);
  const std::map<std::string, WeekMinutes> reachable = ReachableMinutesByKey(resident_directory);
  const auto minutes_of = [&](const std::string& key) {
    const auto found = reachable.find(key);
    return found == reachable.end() ? WeekMinutes() : found->second;
  };
  const Reachable never = [](const std::string&) { return false; };
  std::map<std::string, WeekMinutes> covered_by_result;  // many paths share a result
  size_t failures = 0;
  ForEachAnswerPath(model, kMaxPaths, [&](const Answers& answers) {
    // With nothing reachable, the result holds every organisation it could ever hold at
    // this path (the none_reachable rules' too); at a minute where none of them answers,
    // whatever comes first cannot be reached.
    const auto widest = Route(model, answers, never);
    std::string signature;
    for (const auto& routed : widest) signature += routed.organization + ",";
    auto cached = covered_by_result.find(signature);
    if (cached == covered_by_result.end()) {
      WeekMinutes covered;
      for (const auto& routed : widest) covered |= minutes_of(routed.organization);
      cached = covered_by_result.emplace(signature, covered).first;
    }
    const int gap = FirstUnset(cached->second);
    if (gap < 0 || ++failures > kPathsNamed) return;
    const std::string first = widest.empty() ? "nobody" : "\"" + widest.front().organization + "\"";
    c.WithEntry("routing", [&] {
      c.Fail("at " + DescribeMinuteOfWeek(gap) + " (Europe/Amsterdam) the answers " + DescribeAnswers(model, answers) +
             " put " + first + " first, and no organisation in that result can be reached then (no verified phone line "
             "or chat open at that time)");
    });
  });
  if (failures > kPathsNamed) {
    c.WithEntry("routing", [&] {
      c.Fail("and " + Counted(failures - kPathsNamed, "more path of answers has", "more paths of answers have") +
             " moments at which their first result cannot be reached");
    });
  }
  return c.issues();
}

}  // namespace hw::domain

#include "domain/answer_path_summary.h"

#include <deque>
#include <map>
#include <mutex>

#include "domain/answer_paths.h"

namespace hw::domain {
namespace {

constexpr size_t kSummariesKept = 4;  // the published questionnaire, the draft's, a few edits

AnswerPathSummary::Outcome& OutcomeFor(AnswerPathSummary& summary, std::map<std::string, size_t>& by_signature,
                                       const std::vector<RoutedOrganization>& widest) {
  std::string signature;
  for (const auto& routed : widest) signature += routed.organization + ",";
  const auto [found, added] = by_signature.emplace(signature, summary.outcomes.size());
  if (added) {
    AnswerPathSummary::Outcome outcome;
    for (const auto& routed : widest) outcome.organizations.push_back(routed.organization);
    summary.outcomes.push_back(std::move(outcome));
  }
  return summary.outcomes[found->second];
}

void Keep(std::vector<AnswerPathSummary::Path>& examples, size_t index, const Answers& answers) {
  if (examples.size() < AnswerPathSummary::kExamples) examples.push_back({index, answers});
}

AnswerPathSummary Walk(const Questionnaire& model, size_t max_paths) {
  AnswerPathSummary summary;
  std::map<std::string, size_t> by_signature;
  const Reachable never = [](const std::string&) { return false; };
  size_t index = 0;
  const size_t walked = ForEachAnswerPath(model, max_paths, [&](const Answers& answers) {
    const auto widest = Route(model, answers, never);
    AnswerPathSummary::Outcome& outcome = OutcomeFor(summary, by_signature, widest);
    ++outcome.paths;
    Keep(outcome.examples, index, answers);

    const auto result = Route(model, answers);
    for (const auto& routed : result) summary.matched_rules.insert(routed.rule);
    for (const Rule& rule : model.rules) {
      if (!Matches(rule.when, answers)) continue;
      summary.matched_rules.insert(rule.id);
      for (size_t a = 0; a < rule.adds.size(); ++a)
        if (rule.adds[a].when && Matches(*rule.adds[a].when, answers)) summary.fired_adds.insert({rule.id, a});
    }
    if (result.empty()) {
      ++summary.dead_ends;
      Keep(summary.dead_end_examples, index, answers);
    }
    ++index;
  });
  summary.too_many = walked > max_paths;
  summary.paths = index;
  return summary;
}

// The last few summaries, newest first, keyed by the questionnaire's text.
class SummaryCache {
 public:
  std::shared_ptr<const AnswerPathSummary> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [k, summary] : entries_)
      if (k == key) return summary;
    return nullptr;
  }
  void Keep(std::string key, std::shared_ptr<const AnswerPathSummary> summary) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.emplace_front(std::move(key), std::move(summary));
    if (entries_.size() > kSummariesKept) entries_.pop_back();
  }

 private:
  std::mutex mutex_;
  std::deque<std::pair<std::string, std::shared_ptr<const AnswerPathSummary>>> entries_;
};

SummaryCache& Cache() {
  static SummaryCache* cache = new SummaryCache();  // never destroyed: no order-of-exit trouble
  return *cache;
}

}  // namespace

std::shared_ptr<const AnswerPathSummary> SummarizeAnswerPaths(const nlohmann::json& questionnaire) {
  std::string key = questionnaire.dump();
  if (auto cached = Cache().Find(key)) return cached;
  // Two threads may walk the same questionnaire at once; both results are equal.
  auto summary = std::make_shared<const AnswerPathSummary>(Walk(QuestionnaireFromJson(questionnaire), kMaxAnswerPaths));
  Cache().Keep(std::move(key), summary);
  return summary;
}

}  // namespace hw::domain

// What every path of answers through a questionnaire leads to, walked once per questionnaire.
//
// Validating a questionnaire (no path may be a dead end, every rule must be able to match)
// and proving a publication reachable-first (domain/reachability_proof.h) both need every
// path's result. The walk costs tens of thousands of routings, and one start of the server
// checks three publications with the same questionnaire, as every save of a draft does
// again; the result depends on the questionnaire alone, so it is computed once and kept.
//
// Thread-safety: SummarizeAnswerPaths may be called from any thread; a summary is immutable
// and shared (the last few questionnaires' summaries are kept, keyed by their exact text).
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/questionnaire.h"

namespace hw::domain {

struct AnswerPathSummary {
  static constexpr size_t kExamples = 3;  // paths kept per finding, enough to name in an error

  // A path in the walk's fixed order (domain/answer_paths.h).
  struct Path {
    size_t index = 0;
    Answers answers;
  };

  // One distinct widest result: routed with nothing reachable, every organisation the
  // path's result could ever hold (the none_reachable rules' too), in routed order.
  struct Outcome {
    std::vector<std::string> organizations;
    size_t paths = 0;            // how many paths lead to it
    std::vector<Path> examples;  // the first kExamples of them
  };

  size_t paths = 0;        // paths walked
  bool too_many = false;   // the walk stopped at its bound: nothing below is complete
  std::vector<Outcome> outcomes;
  // Routed as a resident is when something answers (no none_reachable rule applies):
  std::set<std::string> matched_rules;                  // rules that matched or gave a result
  std::set<std::pair<std::string, size_t>> fired_adds;  // (rule id, add index) of conditional adds that added
  size_t dead_ends = 0;                                 // paths with no help at all
  std::vector<Path> dead_end_examples;                  // the first kExamples of them
};

// Beyond this many paths a questionnaire is too large to prove; the validator refuses it.
constexpr size_t kMaxAnswerPaths = 2'000'000;

// The summary of `questionnaire` (a document that passed ValidateQuestionnaire's structural
// checks), walking at most kMaxAnswerPaths paths.
std::shared_ptr<const AnswerPathSummary> SummarizeAnswerPaths(const nlohmann::json& questionnaire);

}  // namespace hw::domain

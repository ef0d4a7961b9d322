// Every path of answers through a questionnaire: each shown question skipped or answered
// with each option (each non-empty set of options for a multiple-choice question); a
// question whose show_when does not match is not shown. The validators walk these to prove
// that every path leads to help that can be reached. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "domain/questionnaire.h"

namespace hw::domain {

// Calls `visit` once per path, in a fixed order, until `max_paths` were visited; returns
// the number visited, or max_paths + 1 when there are more (the walk stops there).
size_t ForEachAnswerPath(const Questionnaire& model, size_t max_paths, const std::function<void(const Answers&)>& visit);

// "danger=no, who=self, what=partner+stalking, need=skipped": the shown questions only.
std::string DescribeAnswers(const Questionnaire& model, const Answers& answers);

}  // namespace hw::domain

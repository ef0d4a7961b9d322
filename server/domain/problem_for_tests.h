// Test helper: a problem's parameters are exactly the ones its code's template names, so
// that every interface's text for the code has what it needs and nothing goes unsaid.
#pragma once

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "domain/problem.h"

namespace hw::domain::testing {

inline void CheckParamsMatchTemplate(const Problem& problem) {
  std::set<std::string> named, given;
  for (const auto& name : TemplateParameters(problem.code)) named.insert(name);
  for (auto it = problem.params.begin(); it != problem.params.end(); ++it) given.insert(it.key());
  INFO(problem.ToString() << " (code " << CodeName(problem.code) << ", params " << problem.params.dump() << ")");
  CHECK(named == given);
}

inline void CheckParamsMatchTemplate(const Problems& problems) {
  for (const auto& problem : problems) CheckParamsMatchTemplate(problem);
}

}  // namespace hw::domain::testing

#include "domain/validation_issue.h"

namespace hw::domain {

std::string ValidationIssue::ToString() const {
  std::string text = file;
  if (!entry.empty()) text += ": " + entry;
  if (!field.empty()) text += (entry.empty() ? ": field " : ", field ") + field;
  return text + ": " + message;
}

std::string Describe(const ValidationIssues& issues) {
  std::string text;
  for (const auto& issue : issues) text += issue.ToString() + "\n";
  return text;
}

}  // namespace hw::domain

// One problem found in directory or questionnaire data, worded for the person who must
// fix it: which file, which entry (e.g. organisation "veilig-thuis"), which field, and what
// is wrong with it. Plain values; copy freely.
#pragma once

#include <string>
#include <vector>

namespace hw::domain {

struct ValidationIssue {
  std::string file;     // "directory.json"
  std::string entry;    // "organization \"veilig-thuis\"" or "" for the document itself
  std::string field;    // "services[0].phones[1].tel"
  std::string message;  // "must be ..."

  // "directory.json: organization "veilig-thuis", field services[0].phones[1].tel: must be ..."
  std::string ToString() const;
};

using ValidationIssues = std::vector<ValidationIssue>;

// All issues, one per line.
std::string Describe(const ValidationIssues& issues);

}  // namespace hw::domain

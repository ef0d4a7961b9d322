// What an edit of the directory changed in the details residents rely on, against the
// published version, and the two rules that follow from it:
// - An edit is not a check. A contact detail (a phone, a chat, a website, or a service's
//   facts: hours, schedule, free, anonymous, day and night, languages) whose content differs
//   from the published one keeps "verified" only if the edit records a new check: a
//   source_url, who checked it (checked_by) and a `checked` date later than the published
//   one's (or the same date, recorded by someone else). Otherwise UntickEditedDetails unticks it, so residents never see an edited number
//   as verified before someone has checked it.
// - Crisis lines need four eyes. CrisisLineChanges lists every change (content or
//   verification) to a detail of an organisation with "crisis_line": true; the editor asks a
//   second editor to approve a draft with any before it is published.
// Details are matched by the ids of organisations, services and phones. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hw::domain {

struct DetailChange {
  std::string organization;  // key
  std::string field;         // "services[0].phones[0]", "services[0].chat", "website", "services[0].facts"
  std::string before;        // as an editor reads it: the number, the url, or the facts; "" when added
  std::string after;         // "" when removed
};

// Unticks edited details of `draft` that carry no new check; returns what it unticked.
std::vector<DetailChange> UntickEditedDetails(const nlohmann::json& published, nlohmann::json& draft);

// Every change to a crisis line's contact details between `published` and `draft`.
std::vector<DetailChange> CrisisLineChanges(const nlohmann::json& published, const nlohmann::json& draft);

// Sets every phone's "tel" from its written "number" where that is a valid Dutch number.
void DeriveDialForms(nlohmann::json& draft);

nlohmann::json ToJson(const std::vector<DetailChange>& changes);

}  // namespace hw::domain

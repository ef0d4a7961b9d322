#include "domain/publication.h"

#include "domain/directory_validator.h"
#include "domain/json_document.h"
#include "domain/questionnaire_validator.h"
#include "domain/reachability_proof.h"
#include "domain/resident_view.h"
#include "domain/text_bounds.h"

namespace hw::domain {

PublicationCheck CheckPublication(std::string_view directory_text, std::string_view questionnaire_text,
                                  const std::string& directory_name, const std::string& questionnaire_name,
                                  std::optional<int64_t> today) {
  PublicationCheck check;
  auto directory = ParseJson(directory_text, directory_name);
  auto questionnaire = ParseJson(questionnaire_text, questionnaire_name);
  const auto unreadable = [&](const std::string& file, const Status& status) {
    Problem problem = MakeProblem(ProblemCode::kUnreadable, {{"detail", status.message()}});
    problem.file = file;
    check.issues.push_back(std::move(problem));
  };
  if (!directory.ok()) unreadable(directory_name, directory.status());
  if (!questionnaire.ok()) unreadable(questionnaire_name, questionnaire.status());
  if (!check.issues.empty()) return check;
  // Absurd lengths first: nothing below has to cope with them.
  check.issues = CheckTextBounds(directory.value(), directory_name);
  for (auto& issue : CheckTextBounds(questionnaire.value(), questionnaire_name)) check.issues.push_back(std::move(issue));
  if (!check.issues.empty()) return check;
  check.issues = ValidateDirectory(directory.value(), directory_name);
  if (!check.issues.empty()) return check;  // routing checks need a sound directory
  check.issues = ValidateQuestionnaire(questionnaire.value(), directory.value(), questionnaire_name);
  if (check.issues.empty())
    check.issues = ProveReachableFirst(questionnaire.value(), ResidentView(directory.value(), today), questionnaire_name);
  check.publication = {std::move(directory.value()), std::move(questionnaire.value())};
  return check;
}

}  // namespace hw::domain

// Shared by the publication fuzz targets: the real published data, read once from the
// source tree (HW_SOURCE_DIR is set by tests/fuzz/CMakeLists.txt).
#pragma once

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "domain/amsterdam_time.h"
#include "domain/contact_targets.h"
#include "domain/publication.h"
#include "domain/resident_view.h"
#include "http/help_list_html.h"

namespace hw::fuzz {

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(HW_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) {
    std::cerr << "fuzz: cannot read " << relative << "\n";
    std::abort();
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What the server does with a publication the validator accepted (serve_command.cpp and
// http/site.cpp): contact targets, the resident view, the no-JavaScript help list, and the
// two API documents. A validator that lets through data these steps cannot handle is a
// finding: the server would refuse to start or answer 500.
inline void UseAcceptedPublication(const domain::Publication& publication) {
  const auto targets = domain::ContactTargetsOf(publication.directory);
  // As the site renders it on some day, at some moment of the week (Friday 23:10).
  const nlohmann::json resident = domain::ResidentView(publication.directory, domain::DaysFromCivil(2026, 12, 4));
  const std::string html = http::HelpListHtml(resident, domain::LocalMoment{4, 23 * 60 + 10});
  const std::string directory_json = resident.dump();
  const std::string questionnaire_json = publication.questionnaire.dump();
  if (html.empty() || directory_json.empty() || questionnaire_json.empty()) __builtin_trap();
  (void)targets;
}

inline void CheckAndUse(std::string_view directory, std::string_view questionnaire) {
  const domain::PublicationCheck check =
      domain::CheckPublication(directory, questionnaire, "directory.json", "questionnaire.json");
  if (!check.issues.empty()) {
    (void)domain::Describe(check.issues);
    return;
  }
  UseAcceptedPublication(check.publication);
}

}  // namespace hw::fuzz

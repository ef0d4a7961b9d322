#include "cli/embedded_publication.h"

#include <catch2/catch.hpp>

namespace hw::cli {
namespace {

TEST_CASE("at start the questionnaire is proven once: the seed takes the embedded data's check", "[cli]") {
  int checks = 0;
  const PublicationChecker counting = [&checks](std::string_view directory, std::string_view questionnaire,
                                                const std::string& directory_name, const std::string& questionnaire_name) {
    ++checks;
    return domain::CheckPublication(directory, questionnaire, directory_name, questionnaire_name);
  };
  domain::PublicationCheck embedded = CheckEmbedded();
  REQUIRE(embedded.issues.empty());
  store::DirectoryVersion seed{1, std::string(EmbeddedDirectoryText()), std::string(EmbeddedQuestionnaireText()),
                               "2026-01-01T00:00:00Z", "embedded default"};

  SECTION("the seed, or any version with the same texts") {
    const auto checked = CheckStartingVersion(seed, "database d, published version 1", embedded, counting);
    CHECK(checks == 0);
    CHECK(checked.issues.empty());
    CHECK(checked.publication.directory == embedded.publication.directory);
    CHECK(checked.publication.questionnaire == embedded.publication.questionnaire);
  }
  SECTION("another version is checked itself, and named in its messages") {
    auto directory = nlohmann::json::parse(seed.directory);
    directory["organizations"][0]["services"][0]["phones"][0]["tel"] = "+31999";
    store::DirectoryVersion edited{2, directory.dump(), seed.questionnaire, "2026-01-02T00:00:00Z", "editor"};
    const auto checked = CheckStartingVersion(edited, "database d, published version 2", embedded, counting);
    CHECK(checks == 1);
    REQUIRE_FALSE(checked.issues.empty());
    CHECK(domain::Describe(checked.issues).find("database d, published version 2 (directory)") != std::string::npos);
  }
  SECTION("a version that differs only in the questionnaire is checked too") {
    auto questionnaire = nlohmann::json::parse(seed.questionnaire);
    store::DirectoryVersion edited{3, seed.directory, questionnaire.dump(2), "2026-01-03T00:00:00Z", "editor"};
    REQUIRE(edited.questionnaire != seed.questionnaire);
    const auto checked = CheckStartingVersion(edited, "database d, published version 3", embedded, counting);
    CHECK(checks == 1);
    CHECK(checked.issues.empty());
  }
}

}  // namespace
}  // namespace hw::cli

#include "domain/vocabulary.h"

#include <catch2/catch.hpp>

#include "domain/contact_request.h"
#include "domain/directory_validator.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

TEST_CASE("the embedded vocabulary is read, and every word of the real directory is in it", "[vocabulary]") {
  const Vocabulary& v = EmbeddedVocabulary();
  CHECK(v.categories.front() == "emergency");  // residents see emergencies first
  CHECK(Vocabulary::Has(v.contact_languages, "nl"));
  CHECK(v.safe_times.size() == 4);
  const auto directory = testing::RealDirectory();  // kept: the loop reads into it
  for (const auto& org : directory["organizations"]) {
    CHECK(Vocabulary::Has(v.categories, org["category"].get<std::string>()));
    for (const auto& service : org["services"])
      for (const auto& topic : service["topics"]) CHECK(Vocabulary::Has(v.topics, topic.get<std::string>()));
  }
}

TEST_CASE("the validator and the contact form refuse what the vocabulary does not hold", "[vocabulary]") {
  auto directory = testing::RealDirectory();
  directory["organizations"][0]["category"] = "not-a-category";
  const Problems problems = ValidateDirectory(directory);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].params["allowed"].get<std::string>().find("emergency") != std::string::npos);

  const auto check = CheckContactRequest({{"organization_id", "0b9c5a3e-8f1d-4c2a-9e7b-1a2b3c4d5e6f"}, {"channel", "phone"},
                                          {"phone", "0612345678"}, {"safe_times", {"at_night"}}, {"voicemail_ok", false},
                                          {"may_identify", false}, {"language", "xx"}, {"consent", true}});
  std::set<std::string> refused;
  for (const auto& e : check.errors) refused.insert(e.field);
  CHECK(refused == std::set<std::string>{"safe_times", "language"});
}

}  // namespace
}  // namespace hw::domain

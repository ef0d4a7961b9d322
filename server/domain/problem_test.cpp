#include "domain/problem.h"

#include <catch2/catch.hpp>
#include <set>

#include "domain/contact_request.h"
#include "domain/directory_validator.h"
#include "domain/problem_for_tests.h"
#include "domain/questionnaire_validator.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;

TEST_CASE("every problem code is one stable snake_case word, used once", "[problem]") {
  std::set<std::string> seen;
  for (ProblemCode code : AllProblemCodes()) {
    const std::string name = CodeName(code);
    INFO(name);
    CHECK(seen.insert(name).second);
    CHECK_FALSE(name.empty());
    CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos);
    CHECK_FALSE(std::string(EnglishTemplate(code)).empty());
  }
  CHECK(seen.size() == AllProblemCodes().size());
}

TEST_CASE("a template's parameters are filled in, and a missing one stays visible", "[problem]") {
  CHECK(TemplateParameters(ProblemCode::kSlotOverlap) == std::vector<std::string>{"a", "b", "day"});
  const Problem overlap = MakeProblem(ProblemCode::kSlotOverlap, {{"a", 1}, {"b", 2}, {"day", "MO"}});
  CHECK(overlap.message == "slots 1 and 2 overlap on MO");
  CHECK(RenderTemplate("\"{number}\" has {digits} digits", {{"number", "06"}}) == "\"06\" has {digits} digits");
  CHECK(RenderTemplate("{unclosed", {{"unclosed", 1}}) == "{unclosed");
}

TEST_CASE("a problem travels as code, params and place", "[problem]") {
  auto directory = testing::RealDirectory();
  testing::Org(directory, "veilig-thuis")["services"][0]["phones"][0]["number"] = "024-123";
  const Problems problems = ValidateDirectory(directory, "directory");
  INFO(Describe(problems));
  REQUIRE(problems.size() == 1);
  const json sent = problems[0].ToJson();
  CHECK(sent["code"] == "phone_length");
  CHECK(sent["params"] == json({{"number", "024-123"}, {"digits", 6}}));
  CHECK(sent["organization"]["key"] == "veilig-thuis");
  CHECK(sent["organization"]["index"].is_number_integer());
  CHECK(sent["field"] == "services[0].phones[0].tel");
  CHECK(sent["file"] == "directory");
  CHECK_THAT(sent["message"].get<std::string>(), Catch::Contains("has 6 digits; Dutch numbers have 10"));
}

// Broken documents of many kinds: whatever the validators say, each problem's parameters
// are the ones its template names (so the portal's texts can say all of it).
TEST_CASE("the validators give every problem the parameters of its template", "[problem]") {
  auto directory = testing::RealDirectory();
  auto& org = directory["organizations"][0];
  auto& service = org["services"][0];
  org["key"] = "Not A Slug";
  org["category"] = "other";
  org["website"] = {{"url", "http://x"}, {"checked", "2026-13-01"}, {"verified", true}};
  org["todo"] = {1};
  org["extra"] = true;
  service["topics"] = {"partner", "partner", "nonsense"};
  service["languages"] = {"dutch"};
  service["day_and_night"] = true;
  service["schedule"] = {{{"days", {"MO", "XX"}}, {"opens", "9"}, {"closes", "8:00"}, {"x", 1}}, 5,
                         {{"days", json::array()}, {"opens", "10:00"}, {"closes", "09:00"}}};
  service["phones"] = {{{"id", "not-a-uuid"}, {"number", "06/12"}, {"tel", "x"}, {"type", "fax"}},
                       {{"id", service["id"]}, {"number", "112"}, {"tel", "+31112"}},
                       {{"number", "8002000"}, {"tel", "+318002000"}},
                       {{"number", "0800-20000"}, {"tel", "+3180020000"}},
                       {{"number", "0800-2000"}, {"tel", "+318002001"}}};
  directory["organizations"][1]["key"] = directory["organizations"][2]["key"];
  const Problems problems = ValidateDirectory(directory, "directory");
  CHECK(problems.size() > 25);
  testing::CheckParamsMatchTemplate(problems);

  auto questionnaire = testing::RealQuestionnaire();
  questionnaire["questions"][0]["id"] = "Bad Id";
  questionnaire["questions"][1]["show_when"] = {{"question", "later"}, {"in", {"x"}}};
  questionnaire["rules"][0]["adds"][0]["organization"] = "gone";
  questionnaire["rules"][1]["when"] = {{"otherwise", false}};
  questionnaire["rules"][2]["id"] = questionnaire["rules"][3]["id"];
  testing::CheckParamsMatchTemplate(ValidateQuestionnaire(questionnaire, testing::RealDirectory(), "questionnaire"));

  testing::CheckParamsMatchTemplate(CheckContactRequest({{"channel", "pigeon"}, {"message", std::string(1200, 'a')}, {"x", 1}}).errors);
  testing::CheckParamsMatchTemplate(CheckContactRequest(json::array()).errors);
}

}  // namespace
}  // namespace hw::domain

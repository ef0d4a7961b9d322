#include "domain/organization_bindings.h"

#include <catch2/catch.hpp>

#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;
using testing::Org;
using testing::RealDirectory;

json Without(json directory, const std::string& key) {
  json kept = json::array();
  for (const json& org : directory["organizations"])
    if (org["key"] != key) kept.push_back(org);
  directory["organizations"] = kept;
  return directory;
}

TEST_CASE("an organisation's id and key stay bound as first published", "[bindings]") {
  const json published = RealDirectory();
  OrganizationBindings bindings;
  bindings.Learn(published);
  CHECK(bindings.Check(published, "directory").empty());

  SECTION("swapping two keys names both organisations, key and id") {
    json swapped = published;
    Org(swapped, "veilig-thuis")["key"] = "tmp";
    Org(swapped, "moviera")["key"] = "veilig-thuis";
    Org(swapped, "tmp")["key"] = "moviera";
    const Problems issues = bindings.Check(swapped, "directory");
    INFO(Describe(issues));
    REQUIRE(issues.size() == 4);
    CHECK_THAT(Describe(issues), Catch::Contains("field key: must stay \"veilig-thuis\"") &&
                                     Catch::Contains("field key: must stay \"moviera\"") &&
                                     Catch::Contains("field id: must stay"));
  }
  SECTION("a new id for a known key, or a known id under a new key") {
    json changed = published;
    Org(changed, "moviera")["id"] = "00000000-0000-4000-8000-000000000000";
    Org(changed, "veilig-thuis")["key"] = "veilig-thuis-nieuw";
    CHECK(bindings.Check(changed, "directory").size() == 2);
  }
  SECTION("leaving an organisation out for a version does not free its key") {
    bindings.Learn(Without(Without(published, "moviera"), "veilig-thuis"));
    json back = published;
    std::swap(Org(back, "veilig-thuis")["id"], Org(back, "moviera")["id"]);
    CHECK(bindings.Check(back, "directory").size() == 4);
  }
  SECTION("a new organisation with a new id and key is fine") {
    json added = published;
    json org = Org(added, "moviera");
    org["id"] = "00000000-0000-4000-8000-000000000001";
    org["key"] = "nieuw";
    added["organizations"].push_back(org);
    CHECK(bindings.Check(added, "directory").empty());
  }
}

TEST_CASE("the newest published binding wins over older history", "[bindings]") {
  const json older = RealDirectory();
  json newer = older;  // as the operator may publish it
  Org(newer, "veilig-thuis")["key"] = "veilig-thuis-gz";
  OrganizationBindings bindings;
  bindings.Learn(newer);
  bindings.Learn(older);
  CHECK(bindings.Check(newer, "directory").empty());
  CHECK_FALSE(bindings.Check(older, "directory").empty());
  // The old key stays bound to its id: no other organisation can take it.
  json taken = newer;
  Org(taken, "moviera")["key"] = "veilig-thuis";
  CHECK_FALSE(bindings.Check(taken, "directory").empty());
}

TEST_CASE("contact setting changes are picked out of a diff", "[bindings]") {
  const json before = RealDirectory();
  json after = before;
  Org(after, "moviera")["services"][0]["contact_requests"]["accepted"] = true;
  Org(after, "moviera")["description"]["nl"] = "Anders.";
  const json changes = ContactSettingChanges(before, after);
  REQUIRE(changes.size() == 1);
  CHECK_THAT(changes[0]["path"].get<std::string>(), Catch::EndsWith("contact_requests.accepted"));
  CHECK(IsContactSettingPath("organizations[moviera].key"));
  CHECK(IsContactSettingPath("organizations[moviera]"));
  CHECK(IsContactSettingPath("organizations[moviera].services[abc]"));
  CHECK(IsContactSettingPath("organizations[moviera].services[abc].status"));
  CHECK_FALSE(IsContactSettingPath("organizations[moviera].services[abc].phones[x].number"));
  CHECK_FALSE(IsContactSettingPath("organizations[moviera].website.url"));
}

}  // namespace
}  // namespace hw::domain

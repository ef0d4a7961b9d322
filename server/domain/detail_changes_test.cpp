#include "domain/detail_changes.h"

#include <catch2/catch.hpp>

#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;
using testing::Org;
using testing::RealDirectory;

json& VtPhone(json& directory) { return Org(directory, "veilig-thuis")["services"][0]["phones"][0]; }

TEST_CASE("an edited number loses verified unless the edit records a new check", "[detail-changes]") {
  const json published = RealDirectory();
  json draft = published;
  VtPhone(draft)["number"] = "0800-2001";
  DeriveDialForms(draft);
  CHECK(VtPhone(draft)["tel"] == "+318002001");  // derived, never typed twice
  const auto unticked = UntickEditedDetails(published, draft);
  REQUIRE(unticked.size() == 1);
  CHECK(unticked[0].organization == "veilig-thuis");
  CHECK(unticked[0].field == "services[0].phones[0]");
  CHECK(unticked[0].before == "0800-2000");
  CHECK(unticked[0].after == "0800-2001");
  CHECK(VtPhone(draft)["verified"] == false);

  json checked = published;
  VtPhone(checked)["number"] = "0800-2001";
  VtPhone(checked)["checked"] = "2099-01-01";
  VtPhone(checked)["checked_by"] = "Anna (communicatie)";
  CHECK(UntickEditedDetails(published, checked).empty());
  CHECK(VtPhone(checked)["verified"] == true);
  // The same date and the same person as before is no new check.
  json by_anna = published;
  VtPhone(by_anna)["checked_by"] = "Anna (communicatie)";
  json again = by_anna;
  VtPhone(again)["number"] = "0800-2002";
  CHECK(UntickEditedDetails(by_anna, again).size() == 1);
}

TEST_CASE("changed hours untick the service's facts, and an unchanged draft unticks nothing", "[detail-changes]") {
  const json published = RealDirectory();
  json same = published;
  CHECK(UntickEditedDetails(published, same).empty());
  json draft = published;
  Org(draft, "centrum-seksueel-geweld")["services"][0]["day_and_night"] = false;
  const auto unticked = UntickEditedDetails(published, draft);
  REQUIRE(unticked.size() == 1);
  CHECK(unticked[0].field == "services[0].facts");
  CHECK(Org(draft, "centrum-seksueel-geweld")["services"][0]["facts"]["verified"] == false);
}

TEST_CASE("crisis-line changes are listed, and other organisations' are not", "[detail-changes]") {
  const json published = RealDirectory();
  json draft = published;
  CHECK(CrisisLineChanges(published, draft).empty());
  VtPhone(draft)["number"] = "0800-2001";
  Org(draft, "helpwanted")["services"][0]["phones"][0]["number"] = "020-261 52 76";
  auto changes = CrisisLineChanges(published, draft);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].organization == "veilig-thuis");
  CHECK(changes[0].after == "0800-2001");
  // Verifying a crisis number is a change too, and so is removing the organisation.
  json removed = published;
  auto& orgs = removed["organizations"];
  orgs.erase(std::remove_if(orgs.begin(), orgs.end(), [](const json& o) { return o["key"] == "alarm-112"; }), orgs.end());
  changes = CrisisLineChanges(published, removed);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].field == "organization");
}

}  // namespace
}  // namespace hw::domain

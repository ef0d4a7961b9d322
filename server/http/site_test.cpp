#include "http/site.h"

#include <catch2/catch.hpp>

#include "crypto/content_hash.h"
#include "domain/test_data.h"

namespace hw::http {
namespace {

const assets::EmbeddedFile kFiles[] = {
    {"resident/app.js", "x", "", "", "0123456789abcdef0123456789abcdef"},
    {"resident/index.html", "<style>b{}</style><script src=\"{{asset:resident/app.js}}\"></script><!--help-list-->", "",
     "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
};

TEST_CASE("asset placeholders expand to hashed URLs, unknown ones are named", "[site]") {
  const assets::AssetCatalog catalog(std::vector<assets::EmbeddedFile>(std::begin(kFiles), std::end(kFiles)));
  CHECK(ExpandAssetPlaceholders(catalog, "a {{asset:resident/app.js}} b", "t").value() ==
        "a /assets/resident/app.01234567.js b");
  const auto missing = ExpandAssetPlaceholders(catalog, "{{asset:resident/nope.js}}", "webapp/resident/index.html");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("webapp/resident/index.html") && Catch::Contains("nope.js"));
  CHECK_FALSE(ExpandAssetPlaceholders(catalog, "{{asset:resident/app.js", "t").ok());
}

TEST_CASE("the CSP allows exactly the page's inline styles", "[site]") {
  const std::string csp = ContentSecurityPolicyFor("<style>a{}</style><p></p><style>b{}</style>");
  CHECK_THAT(csp, Catch::Contains("'sha256-" + crypto::Sha256Base64("a{}") + "'"));
  CHECK_THAT(csp, Catch::Contains("'sha256-" + crypto::Sha256Base64("b{}") + "'"));
  CHECK_THAT(csp, Catch::Contains("script-src 'self';"));
  CHECK_THAT(csp, Catch::Contains("frame-ancestors 'none'"));
  CHECK_THAT(csp, !Catch::Contains("unsafe-inline"));
}

constexpr int64_t kFridayNight = 1796422200;   // Friday 2026-12-04, 23:10 in Amsterdam
constexpr int64_t kJuneNextYear = 1811844000;  // Tuesday 2027-06-01, 12:00 in Amsterdam

TEST_CASE("the site renders the page with the list of help and never an unverified number", "[site]") {
  const assets::AssetCatalog catalog(std::vector<assets::EmbeddedFile>(std::begin(kFiles), std::end(kFiles)));
  auto directory = domain::testing::RealDirectory();
  auto& phone = domain::testing::Org(directory, "veilig-thuis")["services"][0]["phones"][0];
  phone["verified"] = false;
  auto site = Site::Build(catalog, directory, domain::testing::RealQuestionnaire(), 7, kFridayNight);
  REQUIRE(site.ok());
  const Resource* page = site.value()->Find("/");
  REQUIRE(page != nullptr);
  const std::string html(page->identity().body);
  CHECK_THAT(html, Catch::Contains("/assets/resident/app.01234567.js"));
  CHECK_THAT(html, Catch::Contains("tel:+318000188"));  // CSG, verified
  CHECK_THAT(html, !Catch::Contains("+318002000"));    // Veilig Thuis, now unverified
  const std::string api(site.value()->Find("/api/v1/directory")->identity().body);
  CHECK_THAT(api, !Catch::Contains("+318002000"));
  CHECK_THAT(api, !Catch::Contains("\"todo\""));
  CHECK(site.value()->Find("/assets/resident/app.01234567.js") != nullptr);
  CHECK(site.value()->Find("/assets/resident/app.js") == nullptr);
  CHECK(site.value()->version() == 7);
}

TEST_CASE("a site carries the contact targets of its own directory, a preview none", "[site]") {
  const assets::AssetCatalog catalog(std::vector<assets::EmbeddedFile>(std::begin(kFiles), std::end(kFiles)));
  auto directory = domain::testing::RealDirectory();
  const std::string moviera_id = domain::testing::Org(directory, "moviera")["id"];
  auto site = Site::Build(catalog, directory, domain::testing::RealQuestionnaire(), 1, kFridayNight);
  REQUIRE(site.ok());
  REQUIRE(site.value()->contact_targets().count(moviera_id) == 1);
  CHECK(site.value()->contact_targets().at(moviera_id).key == "moviera");
  auto& organizations = directory["organizations"];
  for (size_t i = 0; i < organizations.size(); ++i)
    if (organizations[i]["key"] == "moviera") organizations.erase(i);
  auto without = Site::Build(catalog, directory, domain::testing::RealQuestionnaire(), 2, kFridayNight);
  REQUIRE(without.ok());
  CHECK(without.value()->contact_targets().count(moviera_id) == 0);
  auto preview = Site::BuildPreview(catalog, domain::testing::RealDirectory(), domain::testing::RealQuestionnaire(),
                                    "/staff/preview", kFridayNight);
  REQUIRE(preview.ok());
  CHECK(preview.value()->contact_targets().empty());
}

TEST_CASE("the no-JavaScript list puts what can be reached now first, and age withdraws details", "[site]") {
  const assets::AssetCatalog catalog(std::vector<assets::EmbeddedFile>(std::begin(kFiles), std::end(kFiles)));
  const auto directory = domain::testing::RealDirectory();
  auto page = [&](int64_t now) {
    auto site = Site::Build(catalog, directory, domain::testing::RealQuestionnaire(), 1, now);
    REQUIRE(site.ok());
    return std::string(site.value()->Find("/")->identity().body);
  };
  const std::string friday_night = page(kFridayNight);
  // "Steun en andere hulp": 113 answers day and night, Slachtofferhulp's hours are unknown.
  const size_t reachable = friday_night.find("id=\"hulp-113-zelfmoordpreventie\"");
  const size_t later = friday_night.find("id=\"hulp-slachtofferhulp\"");
  REQUIRE(reachable != std::string::npos);
  REQUIRE(later != std::string::npos);
  CHECK(reachable < later);
  CHECK_THAT(friday_night, Catch::Contains("Nu bereikbaar"));
  // Half a year later nobody has re-checked the crisis lines (30 days + 60 days' grace):
  // their numbers are gone from the page and the API.
  const std::string june = page(kJuneNextYear);
  CHECK_THAT(friday_night, Catch::Contains("tel:+318002000"));
  CHECK_THAT(june, !Catch::Contains("tel:+318002000"));
  CHECK(Site::MomentKey(directory, kFridayNight) != Site::MomentKey(directory, kJuneNextYear));
}

}  // namespace
}  // namespace hw::http

#include "assets/asset_catalog.h"

#include <catch2/catch.hpp>

namespace hw::assets {

TEST_CASE("assets are found by path and by hashed name", "[assets]") {
  const EmbeddedFile files[] = {
      {"resident/app.js", "console.log(1)", "", "", "0123456789abcdef0123456789abcdef"},
      {"i18n/nl.json", "{}", "gz", "br", "fedcba9876543210fedcba9876543210"},
      {"LICENSE", "text", "", "", "00112233445566778899aabbccddeeff"},
  };
  const AssetCatalog catalog(std::vector<EmbeddedFile>(std::begin(files), std::end(files)));
  CHECK(AssetCatalog::HashedName(files[0]) == "resident/app.01234567.js");
  CHECK(AssetCatalog::HashedName(files[2]) == "LICENSE.00112233");
  CHECK(catalog.Find("resident/app.js") == &catalog.files()[0]);
  CHECK(catalog.FindByHashedName("i18n/nl.fedcba98.json") == &catalog.files()[1]);
  CHECK(catalog.Find("resident/app.01234567.js") == nullptr);
  CHECK(catalog.FindByHashedName("resident/app.js") == nullptr);
}

TEST_CASE("the embedded catalog holds the page and the data with compressed variants", "[assets]") {
  const AssetCatalog& catalog = AssetCatalog::Embedded();
  const EmbeddedFile* page = catalog.Find("resident/index.html");
  REQUIRE(page != nullptr);
  CHECK_FALSE(page->gzip.empty());
  CHECK_FALSE(page->brotli.empty());
  CHECK(page->brotli.size() < page->raw.size());
  CHECK(page->hash.size() == 32);
  CHECK(catalog.Find("directory-data/directory.json") != nullptr);
  CHECK(catalog.Find("directory-data/questionnaire.json") != nullptr);
}

TEST_CASE("content types by extension", "[assets]") {
  CHECK(ContentTypeFor("a/b.html") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("sw.js") == "text/javascript; charset=utf-8");
  CHECK(ContentTypeFor("m.webmanifest") == "application/manifest+json");
  CHECK(ContentTypeFor("x.unknown") == "application/octet-stream");
}

}  // namespace hw::assets

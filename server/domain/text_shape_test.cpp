#include "domain/text_shape.h"

#include <catch2/catch.hpp>

#include <string>

namespace hw::domain {
namespace {

TEST_CASE("hand-written shapes accept what the old patterns accepted and nothing else", "[text_shape]") {
  CHECK(IsLowercaseUuid("3f2b8c1e-5d4a-4b6f-9c0d-1e2f3a4b5c6d"));
  CHECK_FALSE(IsLowercaseUuid("3F2B8C1E-5D4A-4B6F-9C0D-1E2F3A4B5C6D"));
  CHECK_FALSE(IsLowercaseUuid("3f2b8c1e5d4a-4b6f-9c0d-1e2f3a4b5c6d-"));
  CHECK_FALSE(IsLowercaseUuid("3f2b8c1e-5d4a-4b6f-9c0d-1e2f3a4b5c6"));

  CHECK(IsSlug("veilig-thuis"));
  CHECK(IsSlug("113"));
  CHECK_FALSE(IsSlug("veilig--thuis"));
  CHECK_FALSE(IsSlug("-veilig"));
  CHECK_FALSE(IsSlug("veilig-"));
  CHECK_FALSE(IsSlug("Veilig"));
  CHECK_FALSE(IsSlug(""));

  CHECK(IsLanguageCode("nl"));
  CHECK_FALSE(IsLanguageCode("NL"));
  CHECK_FALSE(IsLanguageCode("nld"));

  CHECK(IsIdentifier("own_behaviour"));
  CHECK(IsIdentifier("q2"));
  CHECK_FALSE(IsIdentifier("2q"));
  CHECK_FALSE(IsIdentifier("own-behaviour"));

  CHECK(IsDutchOrInternationalDigits("0612345678"));
  CHECK(IsDutchOrInternationalDigits("+32470123456"));
  CHECK(IsDutchOrInternationalDigits("+12345678"));
  CHECK_FALSE(IsDutchOrInternationalDigits("0012345678"));
  CHECK_FALSE(IsDutchOrInternationalDigits("061234567"));
  CHECK_FALSE(IsDutchOrInternationalDigits("+0470123456"));
  CHECK_FALSE(IsDutchOrInternationalDigits("+1234567"));
  CHECK_FALSE(IsDutchOrInternationalDigits("+1234567890123456"));
}

TEST_CASE("web and e-mail addresses are matched by RE2", "[text_shape]") {
  CHECK(IsHttpsUrl("https://www.veiligthuis.nl"));
  CHECK(IsHttpsUrl("https://moviera.nl/hulp?x=1#y"));
  CHECK_FALSE(IsHttpsUrl("http://moviera.nl"));
  CHECK_FALSE(IsHttpsUrl("https://moviera"));
  CHECK_FALSE(IsHttpsUrl("https://moviera.nl/a b"));
  CHECK_FALSE(IsHttpsUrl("https://moviera.nl/\"><script>"));
  CHECK(IsEmailShape("naam@example.nl"));
  CHECK_FALSE(IsEmailShape("naam@example"));
  CHECK_FALSE(IsEmailShape("na am@example.nl"));
  CHECK_FALSE(IsEmailShape(std::string(65, 'a') + "@example.nl"));
}

// The attack of issue 12, finding 3: std::regex recursed once per character and
// overflowed the stack. Every matcher here must take very long text in its stride.
TEST_CASE("very long text is matched without exhausting the stack", "[text_shape]") {
  const std::string path(1'000'000, 'a');
  CHECK(IsHttpsUrl("https://moviera.nl/" + path));
  CHECK_FALSE(IsHttpsUrl("https://" + path));
  CHECK_FALSE(IsEmailShape(path + "@" + path));
  CHECK_FALSE(IsSlug(path + "-"));
  CHECK_FALSE(IsIdentifier(path + "-"));
  CHECK_FALSE(IsLowercaseUuid(path));
}

}  // namespace
}  // namespace hw::domain

#include "http/content_negotiation.h"

#include <catch2/catch.hpp>

namespace hw::http {

TEST_CASE("Accept-Encoding chooses the best precomputed variant", "[negotiation]") {
  CHECK(ChooseEncoding("", true, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding("gzip, deflate, br", true, true) == Encoding::kBrotli);
  CHECK(ChooseEncoding("gzip, deflate, br", true, false) == Encoding::kGzip);
  CHECK(ChooseEncoding("gzip", false, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding("br;q=0.5, gzip;q=0.8", true, true) == Encoding::kGzip);
  CHECK(ChooseEncoding("br;q=0, gzip", true, true) == Encoding::kGzip);
  CHECK(ChooseEncoding("*", true, true) == Encoding::kBrotli);
  CHECK(ChooseEncoding("*;q=0.1, gzip;q=0", true, true) == Encoding::kBrotli);
  CHECK(ChooseEncoding("GZIP;Q=1.0", true, false) == Encoding::kGzip);
  CHECK(ChooseEncoding("identity;q=0, gzip;q=0.1", true, false) == Encoding::kGzip);
}

TEST_CASE("malformed Accept-Encoding never selects a refused or unknown variant", "[negotiation]") {
  CHECK(ChooseEncoding("br;q=abc", true, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding("br;q=1.5", true, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding(";;;,,,", true, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding("compress, deflate", true, true) == Encoding::kIdentity);
  CHECK(ChooseEncoding(std::string(10000, ','), true, true) == Encoding::kIdentity);
}

TEST_CASE("If-None-Match matching", "[negotiation]") {
  CHECK(IfNoneMatchMatches("\"abc\"", "\"abc\""));
  CHECK(IfNoneMatchMatches("W/\"abc\"", "\"abc\""));
  CHECK(IfNoneMatchMatches("\"x\", \"abc\"", "\"abc\""));
  CHECK(IfNoneMatchMatches("*", "\"abc\""));
  CHECK_FALSE(IfNoneMatchMatches("", "\"abc\""));
  CHECK_FALSE(IfNoneMatchMatches("\"abc-br\"", "\"abc\""));
  CHECK_FALSE(IfNoneMatchMatches("abc", "\"abc\""));
}

}  // namespace hw::http

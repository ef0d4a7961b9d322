#include "crypto/derived_id.h"

#include <catch2/catch.hpp>

#include <regex>

namespace hw::crypto {

TEST_CASE("derived ids are stable, distinct and shaped like UUIDs", "[hsds][crypto]") {
  const std::string a = DerivedUuid("689cdc35-3a76-40f2-921d-d41b27ffd19a", "language/nl");
  CHECK(a == DerivedUuid("689cdc35-3a76-40f2-921d-d41b27ffd19a", "language/nl"));
  CHECK(a != DerivedUuid("689cdc35-3a76-40f2-921d-d41b27ffd19a", "language/en"));
  CHECK(a != DerivedUuid("19be3fd4-17d9-4305-8910-3e61fb4b1ad3", "language/nl"));
  // Length-prefixed parts: moving a character from one part to the other changes the id.
  CHECK(DerivedUuid("ab", "c") != DerivedUuid("a", "bc"));
  static const std::regex kUuid8("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  CHECK(std::regex_match(a, kUuid8));
  CHECK(std::regex_match(DerivedUuid("", ""), kUuid8));
  // Pinned (computed independently with Python's hashlib.blake2b): a change of algorithm
  // or namespace would silently change every exported id.
  CHECK(DerivedUuid("x", "y") == "2b269c96-dc81-8b35-bb14-671bd7de0672");
}

}  // namespace hw::crypto

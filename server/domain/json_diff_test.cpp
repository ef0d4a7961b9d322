#include "domain/json_diff.h"

#include <catch2/catch.hpp>

namespace hw::domain {

using nlohmann::json;

TEST_CASE("diffs name the changed values with readable paths", "[diff]") {
  const json before = json::parse(R"({"organizations":[{"key":"a","name":{"nl":"A"},"phones":[{"id":"p1","number":"1"}]},
                                                        {"key":"b","name":{"nl":"B"}}]})");
  json after = before;
  after["organizations"][0]["phones"][0]["number"] = "2";
  std::swap(after["organizations"][0], after["organizations"][1]);  // reordering is no change
  after["organizations"].push_back({{"key", "c"}});
  const json changes = JsonDiff(before, after);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["path"] == "organizations[a].phones[p1].number");
  CHECK(changes[0]["before"] == "1");
  CHECK(changes[0]["after"] == "2");
  CHECK(changes[1]["path"] == "organizations[c]");
  CHECK(changes[1]["before"].is_null());
  CHECK(JsonDiff(before, before).empty());
}

}  // namespace hw::domain

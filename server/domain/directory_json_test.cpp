#include "domain/directory_json.h"

#include <catch2/catch.hpp>

#include "domain/resident_view.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;

TEST_CASE("only the boolean true is verified", "[directory_json]") {
  CHECK(IsVerified({{"verified", true}}));
  CHECK_FALSE(IsVerified({{"verified", false}}));
  CHECK_FALSE(IsVerified({{"verified", "yes"}}));
  CHECK_FALSE(IsVerified({{"verified", 1}}));
  CHECK_FALSE(IsVerified(json::object()));
  CHECK_FALSE(IsVerified(json::array({true})));
  CHECK_FALSE(IsVerified(nullptr));
}

TEST_CASE("the accessors read what is there and never throw on what is not", "[directory_json]") {
  const json service = {{"status", "active"}, {"name", {{"nl", "Bellen"}, {"en", 5}}}};
  CHECK(IsActive(service));
  CHECK_FALSE(IsActive({{"status", true}}));
  CHECK(In(Field(service, "name"), "nl") == "Bellen");
  CHECK(In(Field(service, "name"), "en").empty());
  CHECK(Field(service, "missing").is_null());
  CHECK(Field(json::array(), "status").is_null());
  CHECK(Str(json("text"), "status").empty());
}

TEST_CASE("a detail whose flag is not a boolean is not shown to residents", "[directory_json]") {
  auto directory = testing::RealDirectory();
  auto& phone = testing::Org(directory, "veilig-thuis")["services"][0]["phones"][0];
  phone["verified"] = "yes";
  const json view = ResidentView(directory, std::nullopt);
  CHECK(view.dump().find("+318002000") == std::string::npos);
}

}  // namespace
}  // namespace hw::domain

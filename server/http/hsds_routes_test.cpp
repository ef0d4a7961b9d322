#include "http/hsds_routes.h"

#include <catch2/catch.hpp>

#include "domain/resident_view.h"
#include "domain/test_data.h"

namespace hw::http {
namespace {

using nlohmann::json;

const json& View() {
  static const json view = domain::ResidentView(domain::testing::RealDirectory());
  return view;
}

HttpResponse Get(const std::string& path, std::map<std::string, std::string> query = {}, const std::string& origin = "") {
  HttpRequest request;
  request.method = "GET";
  request.path = path;
  request.query = std::move(query);
  auto response = HandleHsds(request, View(), origin);
  REQUIRE(response.has_value());
  return *response;
}

json Body(const HttpResponse& response) { return json::parse(response.body()); }

std::string Header(const HttpResponse& response, const std::string& name) {
  for (const auto& [n, v] : response.headers)
    if (n == name) return v;
  return "";
}

TEST_CASE("HSDS routes answer only under /hsds/", "[hsds]") {
  for (const char* path : {"/", "/hsdsx", "/api/v1/directory", "/hs"}) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    CHECK_FALSE(HandleHsds(request, View()).has_value());
  }
  HttpRequest post;
  post.method = "POST";
  post.path = "/hsds/services";
  auto refused = HandleHsds(post, View());
  REQUIRE(refused.has_value());
  CHECK(refused->status == 405);
  CHECK(Header(*refused, "Allow") == "GET, HEAD");
}

TEST_CASE("the HSDS root: version, and openapi_url only with a public origin", "[hsds]") {
  for (const char* path : {"/hsds/", "/hsds"}) {
    const HttpResponse response = Get(path);
    CHECK(response.status == 200);
    CHECK(response.content_type == "application/json");
    CHECK(Header(response, "Cache-Control") == "no-cache");
    CHECK(Body(response) == json({{"version", "3.0"}}));
  }
  CHECK(Body(Get("/hsds/", {}, "https://hulpwijzer.example.nl"))["openapi_url"] ==
        "https://hulpwijzer.example.nl/hsds/openapi.json");
  const json openapi = Body(Get("/hsds/openapi.json"));
  CHECK(openapi["openapi"] == "3.1.0");
  CHECK(openapi["paths"].contains("/services/{id}"));
  CHECK(Get("/hsds/", {{"lang", "en"}}).status == 400);
}

TEST_CASE("HSDS lists: the Page shape, paging, search, language, full objects", "[hsds]") {
  const json all = Body(Get("/hsds/organizations"));
  CHECK(all["total_items"] == View()["organizations"].size());
  CHECK(all["page_number"] == 1);
  CHECK(all["first_page"] == true);
  CHECK(all["last_page"] == true);
  CHECK_FALSE(all["contents"][0].contains("services"));

  const json second = Body(Get("/hsds/services", {{"page", "2"}, {"per_page", "3"}}));
  CHECK(second["page_number"] == 2);
  CHECK(second["size"] == 3);
  CHECK(second["first_page"] == false);
  CHECK_FALSE(second["contents"][0].contains("phones"));

  const json capped = Body(Get("/hsds/services", {{"per_page", "1000"}}));
  CHECK(capped["total_pages"] == 1);

  const json found = Body(Get("/hsds/organizations", {{"search", "VEILIG"}, {"lang", "en"}}));
  REQUIRE(found["total_items"] == 2);  // Veilig Thuis and Veilige Steden
  CHECK(found["contents"][0]["name"] == "Veilig Thuis (Safe at Home)");

  const json full = Body(Get("/hsds/services", {{"full", "true"}, {"organization_id", "689cdc35-3a76-40f2-921d-d41b27ffd19a"}}));
  REQUIRE(full["total_items"] == 1);
  CHECK(full["contents"][0]["phones"][0]["number"] == "0800-2000");

  const json past = Body(Get("/hsds/services", {{"page", "99"}}));
  CHECK(past["empty"] == true);
  CHECK(past["contents"] == json::array());
}

TEST_CASE("HSDS items, and 404 for unknown ids", "[hsds]") {
  const json service = Body(Get("/hsds/services/c5289553-1505-4fee-9c7d-56ced1a45f93", {{"lang", "en"}}));
  CHECK(service["name"] == "Phone and chat");
  CHECK(service["organization"]["id"] == "689cdc35-3a76-40f2-921d-d41b27ffd19a");
  const json org = Body(Get("/hsds/organizations/689cdc35-3a76-40f2-921d-d41b27ffd19a/", {{"full_service", "true"}}));
  CHECK(org["name"] == "Veilig Thuis");
  for (const char* path : {"/hsds/services/nope", "/hsds/organizations/c5289553-1505-4fee-9c7d-56ced1a45f93",
                           "/hsds/taxonomies", "/hsds/services/a/b"}) {
    const HttpResponse response = Get(path);
    INFO(path);
    CHECK(response.status == 404);
    CHECK(Body(response)["error"]["code"] == "not_found");
  }
}

TEST_CASE("HSDS parameters: malformed or unsupported ones are a 400 naming them", "[hsds]") {
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases = {
      {{{"page", "0"}}, "page"},          {{{"page", "-1"}}, "page"},       {{{"page", "x"}}, "page"},
      {{{"page", "9999999999"}}, "page"}, {{{"per_page", "0"}}, "per_page"}, {{{"per_page", "1.5"}}, "per_page"},
      {{{"lang", "de"}}, "lang"},         {{{"full", "yes"}}, "full"},       {{{"format", "ndjson"}}, "format"},
      {{{"taxonomy_id", "x"}}, "taxonomy_id"}, {{{"utm_source", "x"}}, "utm_source"}};
  for (const auto& [query, field] : cases) {
    const HttpResponse response = Get("/hsds/services", query);
    INFO(field);
    CHECK(response.status == 400);
    CHECK(Body(response)["error"]["field"] == field);
  }
  CHECK(Get("/hsds/organizations", {{"organization_id", "x"}}).status == 400);
  CHECK(Get("/hsds/services/c5289553-1505-4fee-9c7d-56ced1a45f93", {{"page", "1"}}).status == 400);
}

TEST_CASE("HSDS responses carry an ETag and answer 304 to it", "[hsds]") {
  const HttpResponse first = Get("/hsds/services");
  const std::string etag = Header(first, "ETag");
  REQUIRE(etag.size() == 34);
  HttpRequest again;
  again.method = "GET";
  again.path = "/hsds/services";
  again.if_none_match = etag;
  auto second = HandleHsds(again, View());
  REQUIRE(second.has_value());
  CHECK(second->status == 304);
  CHECK(second->body().empty());
  CHECK(Header(Get("/hsds/services", {{"lang", "en"}}), "ETag") != etag);
}

}  // namespace
}  // namespace hw::http

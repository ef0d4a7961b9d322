#include "http/hsds_routes.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "crypto/content_hash.h"
#include "domain/hsds.h"
#include "http/api_error.h"
#include "http/content_negotiation.h"

namespace hw::http {
namespace {

using nlohmann::json;

constexpr const char* kPrefix = "/hsds/";
constexpr int kDefaultPerPage = 50;
constexpr int kMaxPerPage = 100;

// The OpenAPI description of what this server implements: a subset of the HSDS API
// reference (openapi.json of HSDS 3.0), with its schemas referenced by the same
// official URLs. The shipped reference is a template ("REQUIRED -- TITLE OF YOUR API
// HERE") that also lists taxonomies and service_at_locations, which we do not serve.
const char* const kOpenApi = R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "Hulpwijzer HSDS API",
    "version": "1",
    "summary": "Help for gender-related violence in Nijmegen and Gelderland-Zuid, as Open Referral HSDS 3.0.",
    "description": "Read only. Only verified contact details are published; shelter addresses never. HSDS has no translated text: choose the language with lang (nl or en). Times are local Dutch time (Europe/Amsterdam). A chat is the service url with schedules whose attending_type is virtual."
  },
  "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
  "servers": [{"url": "/hsds"}],
  "paths": {
    "/": {"get": {"operationId": "getAPIMetaInformation", "summary": "Information about this API and its relationship with HSDS.",
      "responses": {"200": {"description": "version, and openapi_url when the server knows its public address.",
        "content": {"application/json": {"schema": {"type": "object", "properties": {
          "version": {"type": "string"}, "profile": {"type": "string", "format": "uri"}, "openapi_url": {"type": "string", "format": "uri"}}}}}}}}},
    "/services": {"get": {"operationId": "getPaginatedListOfServices", "summary": "Paginated listing of services.",
      "parameters": [{"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/search"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"},
        {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/full"},
        {"$ref": "#/components/parameters/organization_id"}],
      "responses": {"200": {"description": "A page of service_list items (full services with full=true).",
        "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Page"}],
          "properties": {"contents": {"type": "array", "items": {"$ref": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service_list.json"}}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/services/{id}": {"parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getFullyNestedServiceById", "summary": "A fully nested service.",
        "parameters": [{"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"}],
        "responses": {"200": {"description": "The service, with its organization.",
          "content": {"application/json": {"schema": {"$ref": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service.json"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/organizations": {"get": {"operationId": "getPaginatedListOfOrganizations", "summary": "Paginated listing of organizations.",
      "parameters": [{"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/search"},
        {"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"},
        {"$ref": "#/components/parameters/format"}, {"$ref": "#/components/parameters/full"}],
      "responses": {"200": {"description": "A page of organization_list items (full organizations with full=true).",
        "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Page"}],
          "properties": {"contents": {"type": "array", "items": {"$ref": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/organization_list.json"}}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}}}},
    "/organizations/{id}": {"parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getOrganizationById", "summary": "A fully nested organization with its full services.",
        "parameters": [{"$ref": "#/components/parameters/lang"}, {"$ref": "#/components/parameters/format"},
          {"name": "full_service", "in": "query", "required": false, "description": "Accepted; services are always full.", "schema": {"type": "boolean"}}],
        "responses": {"200": {"description": "The organization.",
          "content": {"application/json": {"schema": {"$ref": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/organization.json"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
  },
  "components": {
    "schemas": {
      "Page": {"type": "object", "properties": {
        "total_items": {"type": "integer"}, "total_pages": {"type": "integer"}, "page_number": {"type": "integer"},
        "size": {"type": "integer", "description": "The number of entities in the current page."},
        "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"},
        "empty": {"type": "boolean", "description": "True when the current page has no entities."}}},
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message", "field"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": ["string", "null"]}}}}}
    },
    "responses": {
      "BadRequest": {"description": "A query parameter is unknown or malformed; error.field names it.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No published entity has this id.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "parameters": {
      "lang": {"name": "lang", "in": "query", "required": false, "description": "The language of the texts: nl (default) or en.", "schema": {"type": "string", "enum": ["nl", "en"]}},
      "search": {"name": "search", "in": "query", "required": false, "description": "Text in the name or description, ignoring case.", "schema": {"type": "string"}},
      "page": {"name": "page", "in": "query", "required": false, "description": "Page number, from 1.", "schema": {"type": "integer", "minimum": 1}},
      "per_page": {"name": "per_page", "in": "query", "required": false, "description": "Results per page, 1 to 100 (default 50; more is capped at 100).", "schema": {"type": "integer", "minimum": 1}},
      "format": {"name": "format", "in": "query", "required": false, "description": "json only.", "schema": {"type": "string", "enum": ["json"]}},
      "full": {"name": "full", "in": "query", "required": false, "description": "true: fully nested objects instead of list items.", "schema": {"type": "boolean"}},
      "organization_id": {"name": "organization_id", "in": "query", "required": false, "description": "Only the services of this organization.", "schema": {"type": "string"}}
    }
  }
})json";

const json& OpenApi() {
  static const json document = json::parse(kOpenApi);
  return document;
}

HttpResponse Json(const HttpRequest& request, const json& body) {
  HttpResponse response;
  response.content_type = "application/json";
  response.SetHeader("Cache-Control", "no-cache");
  std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
  const std::string etag = "\"" + crypto::ContentHashHex(text) + "\"";
  response.SetHeader("ETag", etag);
  if (IfNoneMatchMatches(request.if_none_match, etag)) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  response.owned_body = std::move(text);
  return response;
}

HttpResponse BadParameter(const std::string& name, const std::string& message) {
  return ApiError(400, "invalid_parameter", message, name);
}

// The parameter names in the response stay short: they come from the client.
std::string Shown(const std::string& name) {
  std::string shown;
  for (char c : name.substr(0, 40)) shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  return shown;
}

struct Query {
  std::string lang = "nl";
  int page = 1;
  int per_page = kDefaultPerPage;
  std::string search;
  bool full = false;
  std::string organization_id;
};

// A whole number from 1 to 999999999, or -1.
int PositiveNumber(const std::string& text) {
  if (text.empty() || text.size() > 9) return -1;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  const int value = std::stoi(text);
  return value >= 1 ? value : -1;
}

// Reads the parameters `allowed` for this operation; the error response otherwise.
std::optional<HttpResponse> ReadQuery(const HttpRequest& request, const std::set<std::string>& allowed, Query* query) {
  for (const auto& [name, value] : request.query) {
    if (!allowed.count(name)) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return ApiError(400, "unknown_parameter",
                      "This address does not support the parameter \"" + Shown(name) + "\"" +
                          (list.empty() ? "; it takes no parameters." : "; it supports: " + list + "."),
                      Shown(name));
    }
    if (name == "lang") {
      if (!domain::IsHsdsLanguage(value)) return BadParameter(name, "lang must be nl or en.");
      query->lang = value;
    } else if (name == "page") {
      query->page = PositiveNumber(value);
      if (query->page < 0) return BadParameter(name, "page must be a whole number from 1.");
    } else if (name == "per_page") {
      const int n = PositiveNumber(value);
      if (n < 0) return BadParameter(name, "per_page must be a whole number from 1 to 100 (more is capped at 100).");
      query->per_page = std::min(n, kMaxPerPage);
    } else if (name == "search") {
      query->search = value;
    } else if (name == "full" || name == "full_service") {
      if (value != "true" && value != "false") return BadParameter(name, name + " must be true or false.");
      if (name == "full") query->full = value == "true";
    } else if (name == "format") {
      if (value != "json") return BadParameter(name, "format must be json (ndjson is not supported).");
    } else if (name == "organization_id") {
      query->organization_id = value;
    }
  }
  return std::nullopt;
}

HttpResponse List(const HttpRequest& request, const json& items, const Query& query) {
  json matching = json::array();
  for (const json& item : items) {
    if (!domain::HsdsMatchesSearch(item, query.search)) continue;
    if (!query.organization_id.empty() && item.value("organization_id", "") != query.organization_id) continue;
    matching.push_back(item);
  }
  return Json(request, domain::HsdsPage(matching, query.page, query.per_page));
}

}  // namespace

std::optional<HttpResponse> HandleHsds(const HttpRequest& request, const json& resident_directory,
                                       const std::string& public_origin) {
  if (request.path != "/hsds" && request.path.rfind(kPrefix, 0) != 0) return std::nullopt;
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse response = ApiErrorForStatus(405);
    response.SetHeader("Allow", "GET, HEAD");
    return response;
  }
  std::string rest = request.path.size() > 6 ? request.path.substr(6) : "";
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  Query query;

  if (rest.empty() || rest == "openapi.json") {
    if (auto error = ReadQuery(request, {}, &query)) return error;
    if (rest == "openapi.json") return Json(request, OpenApi());
    json root = {{"version", "3.0"}};
    if (!public_origin.empty()) root["openapi_url"] = public_origin + "/hsds/openapi.json";
    return Json(request, root);
  }
  if (rest == "services") {
    if (auto error = ReadQuery(request, {"lang", "page", "per_page", "search", "full", "format", "organization_id"}, &query))
      return error;
    return List(request,
                query.full ? domain::HsdsServices(resident_directory, query.lang)
                           : domain::HsdsServiceList(resident_directory, query.lang),
                query);
  }
  if (rest == "organizations") {
    if (auto error = ReadQuery(request, {"lang", "page", "per_page", "search", "full", "format"}, &query)) return error;
    return List(request,
                query.full ? domain::HsdsOrganizations(resident_directory, query.lang)
                           : domain::HsdsOrganizationList(resident_directory, query.lang),
                query);
  }
  for (const char* kind : {"services/", "organizations/"}) {
    const std::string prefix = kind;
    if (rest.rfind(prefix, 0) != 0) continue;
    const std::string id = rest.substr(prefix.size());
    if (id.empty() || id.find('/') != std::string::npos) break;
    const bool service = prefix == "services/";
    if (auto error = ReadQuery(request, service ? std::set<std::string>{"lang", "format"}
                                                : std::set<std::string>{"lang", "format", "full_service"},
                               &query))
      return error;
    json found = service ? domain::HsdsService(resident_directory, id, query.lang)
                         : domain::HsdsOrganization(resident_directory, id, query.lang);
    if (found.is_null())
      return ApiError(404, "not_found", std::string("There is no published ") + (service ? "service" : "organization") +
                                            " with this id.");
    return Json(request, found);
  }
  return ApiError(404, "not_found", "There is nothing at this address. The HSDS API has /hsds/, /hsds/services, "
                                    "/hsds/services/{id}, /hsds/organizations and /hsds/organizations/{id}.");
}

}  // namespace hw::http

// The Open Referral HSDS 3.0 API, read only, over the directory residents see:
//
//   GET/HEAD /hsds/                  {"version": "3.0"} (+ "openapi_url" when the public
//                                    origin is known; no "profile": we follow plain HSDS 3.0)
//   GET/HEAD /hsds/openapi.json      our OpenAPI 3.1 description of the operations below
//   GET/HEAD /hsds/services          Page of compiled service_list items
//   GET/HEAD /hsds/services/{id}     compiled service, organization nested
//   GET/HEAD /hsds/organizations     Page of compiled organization_list items
//   GET/HEAD /hsds/organizations/{id} compiled organization, services nested
//
// Query parameters: lang (nl, the default, or en: HSDS has no translations, so one
// language per response); on lists page (from 1), per_page (1 to 100, default 50; more
// is capped at 100), search (ignoring case, in name and description), full (true: full
// compiled objects instead of list items), format (json only); on /services also
// organization_id; on /organizations/{id} full_service (services are always full).
// Anything else, and any malformed value, is a 400 in our error shape naming the
// parameter; an unknown id is a 404; other methods a 405. Responses are JSON with
// Cache-Control: no-cache and a strong ETag (304 on If-None-Match).
// Thread-safe: a pure function of its arguments.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/exchange.h"

namespace hw::http {

// The response for a path under /hsds/ (and /hsds itself), or nullopt for any other
// path. `resident_directory` is domain::ResidentView of the published directory.
// `public_origin` ("https://hulpwijzer.example.nl", no trailing slash) makes the root
// answer carry an absolute openapi_url, which the HSDS schema requires (format uri);
// empty leaves openapi_url out.
std::optional<HttpResponse> HandleHsds(const HttpRequest& request, const nlohmann::json& resident_directory,
                                       const std::string& public_origin = "");

}  // namespace hw::http

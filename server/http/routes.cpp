#include "http/routes.h"

#include <nlohmann/json.hpp>

#include "http/api_error.h"
#include "http/contact_routes.h"
#include "http/hsds_routes.h"
#include "http/security_headers.h"
#include "http/staff_routes.h"

namespace hw::http {

bool Routes::MayWait(std::string_view method, std::string_view target) {
  const bool read = method == "GET" || method == "HEAD";
  return !read || target.rfind("/staff/", 0) == 0;
}

HttpResponse Routes::Handle(const HttpRequest& request) const {
  const std::shared_ptr<const Site> site = site_.Get();
  const bool read = request.method == "GET" || request.method == "HEAD";
  if (const Resource* resource = site->Find(request.path)) {
    if (!read) {
      HttpResponse response = ApiErrorForStatus(405);
      response.SetHeader("Allow", "GET, HEAD");
      return response;
    }
    HttpResponse response = ServeResource(request, *site, *resource);
    response.keep_alive = site;  // the body views memory owned by this site version
    return response;
  }
  if (services_) {
    const bool submit = request.path == "/api/v1/contact-requests";
    if (submit || request.path == "/api/v1/contact-requests/challenge") {
      if (request.method != "POST") {
        HttpResponse response = ApiErrorForStatus(405);
        response.SetHeader("Allow", "POST");
        return response;
      }
      return submit ? SubmitContactRequest(request, *services_) : IssueContactChallenge(request, *services_);
    }
    if (auto staff = HandleStaffApi(request, *services_, config_)) return std::move(*staff);
  }
  if (auto hsds = HandleHsds(request, site->resident_directory(), config_.public_url)) {
    hsds->keep_alive = site;
    return std::move(*hsds);
  }
  if (request.path == "/staff" && read) {
    HttpResponse response;
    response.status = 301;
    response.SetHeader("Location", "/staff/");
    return response;
  }
  if (request.path == "/exit" || request.path == "/healthz") {
    if (!read) {
      HttpResponse response = ApiErrorForStatus(405);
      response.SetHeader("Allow", "GET, HEAD");
      return response;
    }
    return request.path == "/exit" ? Exit() : Health(*site);
  }
  return ApiErrorForStatus(404);
}

HttpResponse Routes::ServeResource(const HttpRequest& request, const Site& site, const Resource& resource) const {
  const Resource::Variant& variant = resource.Select(request.accept_encoding);
  // The staff portal shows request content: keep it out of every cache, and allow no
  // inline style there at all.
  const bool staff_page = request.path.rfind("/staff/", 0) == 0;
  HttpResponse response;
  response.SetHeader("Cache-Control", staff_page ? "no-store" : resource.cache_control());
  if (staff_page) response.SetHeader("Content-Security-Policy", StaffContentSecurityPolicy());
  response.SetHeader("ETag", variant.etag);
  // Vary whenever another representation exists, so caches keep them apart.
  if (&variant != &resource.identity() || !resource.Select("br, gzip").body.empty())
    response.SetHeader("Vary", "Accept-Encoding");
  if (!staff_page && IfNoneMatchMatches(request.if_none_match, variant.etag)) {
    response.status = 304;
    return response;
  }
  response.content_type = resource.content_type();
  if (variant.content_encoding) response.SetHeader("Content-Encoding", variant.content_encoding);
  response.body_view = variant.body;
  (void)site;
  return response;
}

HttpResponse Routes::Exit() const {
  // The page has already blanked itself and replaced its history entry with /exit; this
  // clears what the browser kept for our origin and leaves for an everyday page.
  HttpResponse response;
  response.status = 303;
  response.SetHeader("Location", config_.exit_url);
  response.SetHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

HttpResponse Routes::Health(const Site& site) const {
  HttpResponse response;
  response.content_type = "application/json";
  response.SetHeader("Cache-Control", "no-store");
  response.owned_body = nlohmann::json({{"status", "ok"},
                                        {"version", HW_VERSION},
                                        {"schema_version", schema_version_},
                                        {"directory_version", site.version()}})
                            .dump();
  return response;
}

}  // namespace hw::http

// Everything the server sends residents for one published directory version at one
// moment, rendered once: the page (with its asset URLs and no-JavaScript list of help filled in), the
// service worker and manifest, every embedded webapp file under its hashed name, and the
// two read APIs. What residents see depends on the moment too: details withdrawn for age
// (domain/freshness.h) and which organisations can be reached now (the no-JavaScript list
// puts those first). So a site remembers its MomentKey, and the serve command renders a new
// one when the key of the present moment differs. Immutable once built; shared between
// threads via shared_ptr, and replaced whole.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "assets/asset_catalog.h"
#include "domain/contact_targets.h"
#include "http/resource.h"
#include "util/status.h"

namespace hw::http {

class Site {
 public:
  // `directory` and `questionnaire` must be valid (the caller validated them).
  // `now`: Unix seconds of the moment rendered for.
  static Result<std::shared_ptr<const Site>> Build(const assets::AssetCatalog& catalog, const nlohmann::json& directory,
                                                   const nlohmann::json& questionnaire, int64_t version, int64_t now);
  // The page and the two read APIs only, under `prefix` (e.g. "/staff/preview"), with the
  // page told to read its data there (data-api-base): an editor's preview of a draft,
  // shown by the real resident app exactly as residents would see it, under a banner
  // "Voorbeeld, niet gepubliceerd" on every screen.
  static Result<std::shared_ptr<const Site>> BuildPreview(const assets::AssetCatalog& catalog,
                                                          const nlohmann::json& directory,
                                                          const nlohmann::json& questionnaire, const std::string& prefix,
                                                          int64_t now);

  // What of `directory` residents would see differently at `now`: the Amsterdam day and the
  // organisations reachable then. Equal keys render equal sites.
  static std::string MomentKey(const nlohmann::json& directory, int64_t now);
  const std::string& moment_key() const { return moment_key_; }

  // The resource for an exact request path ("/", "/assets/resident/app.3f9a1c2b.js"), or null.
  const Resource* Find(std::string_view path) const;
  // script/style sources include the hash of every inline <style> of the page.
  const std::string& content_security_policy() const { return csp_; }
  int64_t version() const { return version_; }
  // The resident view of the directory this site was rendered from (for /hsds/).
  const nlohmann::json& resident_directory() const { return resident_; }
  // The organisations residents may send a contact request to, by id, from the same
  // directory as the pages: a publish swaps both in one step, so no resident meets a page
  // of one version and the contact targets of another. Empty in a preview.
  const std::map<std::string, domain::ContactTarget>& contact_targets() const { return contact_targets_; }

 private:
  static Result<std::shared_ptr<Site>> Render(const assets::AssetCatalog& catalog, const nlohmann::json& directory,
                                             const nlohmann::json& questionnaire, const std::string& prefix,
                                             int64_t now);

  std::map<std::string, std::shared_ptr<const Resource>, std::less<>> resources_;
  std::string csp_;
  int64_t version_ = 0;
  std::string moment_key_;
  nlohmann::json resident_;
  std::map<std::string, domain::ContactTarget> contact_targets_;
};

// Replaces {{asset:PATH}} with the hashed URL of that embedded file. Errors name the
// template and the unknown path.
Result<std::string> ExpandAssetPlaceholders(const assets::AssetCatalog& catalog, std::string_view text,
                                            const std::string& template_name);

// The Content-Security-Policy for a page: hashes every inline <style> element.
std::string ContentSecurityPolicyFor(std::string_view html);

}  // namespace hw::http

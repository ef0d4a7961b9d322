#include "http/site.h"

#include "crypto/content_hash.h"
#include "domain/amsterdam_time.h"
#include "domain/reachability.h"
#include "domain/resident_view.h"
#include "http/help_list_html.h"

namespace hw::http {
namespace {

constexpr const char* kRevalidate = "no-cache";
constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kHelpListMarker = "<!--help-list-->";
// An editor's preview must never pass for the live site: a banner above every screen (not
// sticky: it must never cover the quick exit), its
// style inline (the page's CSP hashes every inline <style>, this one included).
constexpr const char* kPreviewBanner =
    "<style>.hw-preview-banner{margin:0;padding:.6rem 1rem;"
    "background:#b00020;color:#fff;font:700 1.1rem/1.3 system-ui,sans-serif;text-align:center}</style>"
    "<p class=\"hw-preview-banner\" role=\"note\">Voorbeeld, niet gepubliceerd &middot; "
    "<span lang=\"en\">Preview, not published</span></p>";

bool IsWebappFile(std::string_view path) { return path.rfind("directory-data/", 0) != 0; }

}  // namespace

Result<std::string> ExpandAssetPlaceholders(const assets::AssetCatalog& catalog, std::string_view text,
                                            const std::string& template_name) {
  static constexpr std::string_view kOpen = "{{asset:";
  std::string out;
  size_t position = 0;
  while (true) {
    const size_t open = text.find(kOpen, position);
    if (open == std::string_view::npos) break;
    const size_t close = text.find("}}", open);
    if (close == std::string_view::npos)
      return Status::InvalidArgument(template_name + ": a {{asset: placeholder is not closed with }}");
    const std::string_view path = text.substr(open + kOpen.size(), close - open - kOpen.size());
    const assets::EmbeddedFile* file = catalog.Find(path);
    if (!file || !IsWebappFile(path))
      return Status::InvalidArgument(template_name + " refers to {{asset:" + std::string(path) +
                                     "}}, but there is no file webapp/" + std::string(path));
    out.append(text.substr(position, open - position));
    out += "/assets/" + assets::AssetCatalog::HashedName(*file);
    position = close + 2;
  }
  out.append(text.substr(position));
  return out;
}

std::string ContentSecurityPolicyFor(std::string_view html) {
  std::string style_sources;
  size_t position = 0;
  while ((position = html.find("<style>", position)) != std::string_view::npos) {
    const size_t start = position + 7;
    const size_t end = html.find("</style>", start);
    if (end == std::string_view::npos) break;
    style_sources += " 'sha256-" + crypto::Sha256Base64(html.substr(start, end - start)) + "'";
    position = end;
  }
  return "default-src 'self'; script-src 'self'; style-src 'self'" + style_sources +
         "; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; font-src 'self'; "
         "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}

std::string Site::MomentKey(const nlohmann::json& directory, int64_t now) {
  const int64_t today = domain::AmsterdamDay(now);
  const domain::LocalMoment moment = domain::AmsterdamMoment(now);
  std::string key = std::to_string(today) + ":";
  const nlohmann::json resident = domain::ResidentView(directory, today);  // must outlive the loop
  for (const nlohmann::json& org : resident["organizations"])
    if (domain::ReachableAt(org, moment)) key += org.value("key", "") + ",";
  return key;
}

Result<std::shared_ptr<Site>> Site::Render(const assets::AssetCatalog& catalog, const nlohmann::json& directory,
                                           const nlohmann::json& questionnaire, const std::string& prefix,
                                           int64_t now) {
  auto site = std::make_shared<Site>();
  const nlohmann::json resident = domain::ResidentView(directory, domain::AmsterdamDay(now));
  site->resident_ = resident;
  site->moment_key_ = MomentKey(directory, now);
  struct Template {
    const char* source;
    const char* url;
    bool required;
    bool in_preview;
  };
  for (const Template& t : {Template{"resident/index.html", "/", true, true}, Template{"resident/sw.js", "/sw.js", false, false},
                            Template{"resident/manifest.webmanifest", "/manifest.webmanifest", false, false},
                            Template{"staff/index.html", "/staff/", false, false}}) {
    if (!prefix.empty() && !t.in_preview) continue;
    const assets::EmbeddedFile* file = catalog.Find(t.source);
    if (!file) {
      if (t.required) return Status::NotFound(std::string("webapp/") + t.source + " is not embedded in this build");
      continue;
    }
    auto expanded = ExpandAssetPlaceholders(catalog, file->raw, std::string("webapp/") + t.source);
    if (!expanded.ok()) return expanded.status();
    std::string body = std::move(expanded.value());
    if (t.url == std::string_view("/")) {
      const size_t marker = body.find(kHelpListMarker);
      if (marker != std::string::npos) body.replace(marker, kHelpListMarker.size(), HelpListHtml(resident, domain::AmsterdamMoment(now)));
      if (!prefix.empty()) {
        const size_t html = body.find("<html");
        if (html != std::string::npos) body.insert(html + 5, " data-api-base=\"" + prefix + "\"");
        const size_t open = body.find("<body>");
        if (open != std::string::npos) body.insert(open + 6, kPreviewBanner);
      }
      site->csp_ = ContentSecurityPolicyFor(body);
    }
    site->resources_[prefix + t.url] = Resource::Render(std::move(body), assets::ContentTypeFor(t.source), kRevalidate);
  }
  site->resources_[prefix + "/api/v1/directory"] = Resource::Render(resident.dump(), "application/json", kRevalidate);
  site->resources_[prefix + "/api/v1/questionnaire"] = Resource::Render(questionnaire.dump(), "application/json", kRevalidate);
  return site;
}

Result<std::shared_ptr<const Site>> Site::Build(const assets::AssetCatalog& catalog, const nlohmann::json& directory,
                                                const nlohmann::json& questionnaire, int64_t version, int64_t now) {
  auto site = Render(catalog, directory, questionnaire, "", now);
  if (!site.ok()) return site.status();
  site.value()->version_ = version;
  site.value()->contact_targets_ = domain::ContactTargetsOf(directory);
  for (const assets::EmbeddedFile& file : catalog.files()) {
    if (!IsWebappFile(file.path)) continue;
    site.value()->resources_["/assets/" + assets::AssetCatalog::HashedName(file)] =
        Resource::FromEmbedded(file, assets::ContentTypeFor(file.path), kImmutable);
  }
  return std::shared_ptr<const Site>(std::move(site.value()));
}

Result<std::shared_ptr<const Site>> Site::BuildPreview(const assets::AssetCatalog& catalog, const nlohmann::json& directory,
                                                       const nlohmann::json& questionnaire, const std::string& prefix,
                                                       int64_t now) {
  auto site = Render(catalog, directory, questionnaire, prefix, now);
  if (!site.ok()) return site.status();
  return std::shared_ptr<const Site>(std::move(site.value()));
}

const Resource* Site::Find(std::string_view path) const {
  const auto it = resources_.find(path);
  return it == resources_.end() ? nullptr : it->second.get();
}

}  // namespace hw::http

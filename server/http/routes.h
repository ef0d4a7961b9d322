// Maps a request to a response: the rendered site, the quick exit, health, and the API.
// Literal paths only (no regular expressions). Thread-safe: Handle may run on many
// threads at once; it only reads shared state.
#pragma once

#include <string>
#include <string_view>

#include "http/app_services.h"
#include "http/exchange.h"
#include "http/server_config.h"
#include "http/site_holder.h"

namespace hw::http {

class Routes {
 public:
  // `services` may be null: then only the public read routes exist (unit tests).
  Routes(const ServerConfig& config, const SiteHolder& site, int schema_version, AppServices* services)
      : config_(config), site_(site), schema_version_(schema_version), services_(services) {}

  HttpResponse Handle(const HttpRequest& request) const;

  // Whether answering may wait on the disk, SQLite or a key derivation, and so goes to a
  // worker lane (http/wire/connection_loop.h) instead of being answered on an event loop.
  // It must agree with Handle: every read outside /staff/ (pages, assets, the resident API)
  // is answered from memory; the staff portal and every write may wait.
  static bool MayWait(std::string_view method, std::string_view target);

 private:
  HttpResponse ServeResource(const HttpRequest& request, const Site& site, const Resource& resource) const;
  HttpResponse Exit() const;
  HttpResponse Health(const Site& site) const;

  const ServerConfig& config_;
  const SiteHolder& site_;
  int schema_version_;
  AppServices* services_;
};

}  // namespace hw::http

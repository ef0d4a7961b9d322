// A response body the server can send without doing work per request: its identity,
// gzip and brotli representations, each with a strong ETag, plus its Content-Type and
// Cache-Control. Built once (from embedded files, or rendered when a directory version is
// published) and then shared read-only between threads through shared_ptr.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "assets/embedded_file.h"
#include "http/content_negotiation.h"

namespace hw::http {

class Resource {
 public:
  struct Variant {
    std::string_view body;      // empty for gzip/brotli when not available
    std::string etag;           // quoted, e.g. "\"3f9a...-br\""
    const char* content_encoding;  // nullptr for identity
  };

  // Views the embedded bytes; no copy.
  static std::shared_ptr<const Resource> FromEmbedded(const assets::EmbeddedFile& file, std::string content_type,
                                                      std::string cache_control);
  // Owns `body` and compresses it (gzip and brotli, highest settings) right away.
  static std::shared_ptr<const Resource> Render(std::string body, std::string content_type, std::string cache_control);

  // The representation to send for an Accept-Encoding header value.
  const Variant& Select(std::string_view accept_encoding) const;
  const Variant& identity() const { return variants_[0]; }
  const std::string& content_type() const { return content_type_; }
  const std::string& cache_control() const { return cache_control_; }

  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;
  Resource() = default;  // for make_shared; use the factories

 private:
  void SetVariants(std::string_view identity, std::string_view gzip, std::string_view brotli, std::string_view hash);

  std::string content_type_;
  std::string cache_control_;
  std::string storage_[3];  // rendered bodies; variants_ point into these (the object never moves)
  Variant variants_[3];     // identity, gzip, brotli
};

}  // namespace hw::http

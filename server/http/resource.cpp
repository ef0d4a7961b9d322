#include "http/resource.h"

#include "crypto/content_hash.h"
#include "util/compression.h"

namespace hw::http {

void Resource::SetVariants(std::string_view identity, std::string_view gzip, std::string_view brotli,
                           std::string_view hash) {
  const std::string tag(hash);
  variants_[0] = {identity, "\"" + tag + "\"", nullptr};
  variants_[1] = {gzip, "\"" + tag + "-gz\"", "gzip"};
  variants_[2] = {brotli, "\"" + tag + "-br\"", "br"};
}

std::shared_ptr<const Resource> Resource::FromEmbedded(const assets::EmbeddedFile& file, std::string content_type,
                                                       std::string cache_control) {
  auto resource = std::make_shared<Resource>();
  resource->content_type_ = std::move(content_type);
  resource->cache_control_ = std::move(cache_control);
  resource->SetVariants(file.raw, file.gzip, file.brotli, file.hash);
  return resource;
}

std::shared_ptr<const Resource> Resource::Render(std::string body, std::string content_type, std::string cache_control) {
  auto resource = std::make_shared<Resource>();
  resource->content_type_ = std::move(content_type);
  resource->cache_control_ = std::move(cache_control);
  resource->storage_[1] = GzipCompress(body);
  resource->storage_[2] = BrotliCompress(body);
  const std::string hash = crypto::ContentHashHex(body);
  resource->storage_[0] = std::move(body);
  resource->SetVariants(resource->storage_[0], resource->storage_[1], resource->storage_[2], hash);
  return resource;
}

const Resource::Variant& Resource::Select(std::string_view accept_encoding) const {
  switch (ChooseEncoding(accept_encoding, !variants_[1].body.empty(), !variants_[2].body.empty())) {
    case Encoding::kBrotli:
      return variants_[2];
    case Encoding::kGzip:
      return variants_[1];
    case Encoding::kIdentity:
      break;
  }
  return variants_[0];
}

}  // namespace hw::http

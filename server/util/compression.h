// Gzip and brotli compression at the highest settings. Used at build time by the asset
// embedder and at run time for pages rendered from the published directory (once per
// published version, never per request). Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hw {

// Both return an empty string only if the library failed (out of memory).
std::string GzipCompress(std::string_view input);
std::string BrotliCompress(std::string_view input);

}  // namespace hw

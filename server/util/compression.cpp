#include "util/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

namespace hw {

std::string GzipCompress(std::string_view input) {
  z_stream stream{};
  // windowBits 15 + 16 selects the gzip wrapper; memLevel 9 for the best ratio.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string output(deflateBound(&stream, input.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.avail_in = static_cast<uInt>(input.size());
  stream.next_out = reinterpret_cast<Bytef*>(output.data());
  stream.avail_out = static_cast<uInt>(output.size());
  const int rc = deflate(&stream, Z_FINISH);
  output.resize(stream.total_out);
  deflateEnd(&stream);
  return rc == Z_STREAM_END ? output : std::string();
}

std::string BrotliCompress(std::string_view input) {
  size_t size = BrotliEncoderMaxCompressedSize(input.size());
  if (size == 0) size = input.size() + 1024;
  std::string output(size, '\0');
  const bool ok = BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                        input.size(), reinterpret_cast<const uint8_t*>(input.data()), &size,
                                        reinterpret_cast<uint8_t*>(output.data()));
  if (!ok) return {};
  output.resize(size);
  return output;
}

}  // namespace hw

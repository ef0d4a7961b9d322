#include "util/log.h"

#include <catch2/catch.hpp>

namespace hw::log {

TEST_CASE("the access line is the line the general writer makes for the same fields", "[log]") {
  const std::string time = "2026-11-28T15:00:00.000Z";
  const std::string paths[] = {"/", "/api/v1/directory", "/a\"b\\c", "/caf\xc3\xa9", "/bad\xff", "/tab\there",
                               "/\x01\x7f", std::string(300, 'p')};
  for (const std::string& path : paths) {
    for (const char* method : {"GET", "HEAD", "P\"OST"}) {
      INFO(path << " " << method);
      CHECK(FormatRequestLine(method, path, 404, 89, time) ==
            FormatLine("info", "request", {{"method", method}, {"path", path}, {"status", 404}, {"bytes", 89}}, time));
    }
  }
}

}  // namespace hw::log

// libFuzzer target: a questionnaire document, validated against the real directory by
// hw::domain::CheckPublication (dead ends, cycles, unknown organisations, ...); when
// accepted, used the way the server uses it (see fuzz_common.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.h"

namespace {
const std::string* g_directory = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_directory = new std::string(hw::fuzz::ReadSourceFile("directory-data/directory.json"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hw::fuzz::CheckAndUse(*g_directory, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

// libFuzzer target: a directory document (directory-data/README.md), validated by
// hw::domain::CheckPublication together with tests/fuzz/small-questionnaire.json (the
// first question and two rules of the real one: checking every path of answers of the
// full questionnaire costs about 2 s per input under the sanitizers, which would leave
// the directory validator almost unfuzzed); when accepted, used the way the server uses a
// published directory (see fuzz_common.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.h"

namespace {
const std::string* g_questionnaire = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_questionnaire = new std::string(hw::fuzz::ReadSourceFile("tests/fuzz/small-questionnaire.json"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hw::fuzz::CheckAndUse(std::string_view(reinterpret_cast<const char*>(data), size), *g_questionnaire);
  return 0;
}

// libFuzzer target: an Open Referral HSDS 3.0 document imported into the real directory
// (hw::domain::ImportHsds). First byte: the document language (even: "nl", odd: "en");
// the rest: the document text, parsed like a request body. Checked promise of hsds.h:
// "The result always passes ValidateDirectory when the base does", and every refusal
// names a path and a reason.
#include <cstddef>
#include <cstdint>

#include "domain/directory_validator.h"
#include "domain/hsds.h"
#include "domain/json_document.h"
#include "fuzz_common.h"

namespace {
const nlohmann::json* g_base = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto parsed = hw::domain::ParseJson(hw::fuzz::ReadSourceFile("directory-data/directory.json"), "directory.json");
  if (!parsed.ok() || !hw::domain::ValidateDirectory(parsed.value()).empty()) std::abort();
  g_base = new nlohmann::json(std::move(parsed.value()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string lang = (data[0] & 1) ? "en" : "nl";
  auto document = hw::domain::ParseJson(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), "HSDS");
  if (!document.ok()) return 0;
  const hw::domain::HsdsImportResult result = hw::domain::ImportHsds(document.value(), *g_base, lang, "2026-11-28");
  for (const auto& refusal : result.refusals)
    if (refusal.reason.empty()) __builtin_trap();
  const hw::domain::Problems issues = hw::domain::ValidateDirectory(result.directory);
  if (!issues.empty()) {
    fprintf(stderr, "ImportHsds produced an invalid directory:\n%s\n", hw::domain::Describe(issues).c_str());
    __builtin_trap();
  }
  (void)result.directory.dump();
  return 0;
}

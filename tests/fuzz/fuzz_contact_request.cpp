// libFuzzer target: a contact-request body as the API receives it, through the same steps
// as SubmitContactRequest (server/http/contact_routes.cpp) up to sealing: ParseJson with
// the depth limit, CheckContactRequest, the 422 error rendering, and the canonical dump of
// the validated content that is sealed. Any exception escaping is a finding (the server
// would answer 500 and log the exception text; a CLI would abort).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/contact_request.h"
#include "domain/json_document.h"
#include "http/api_error.h"
#include "http/json_api.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = hw::domain::ParseJson(text, "The request body");
  if (!parsed.ok()) {
    // The 400 answer quotes the parse error; it must render.
    (void)hw::http::ApiError(400, "invalid_json", parsed.status().message() + ".");
    return 0;
  }
  const hw::domain::ContactRequestCheck check = hw::domain::CheckContactRequest(parsed.value());
  if (!check.ok()) {
    // As contact_routes.cpp renders a 422.
    (void)hw::http::ProblemsError(422, check.errors);
    return 0;
  }
  // Accepted: the id must be a UUID and the content what ContactRequests::Submit seals
  // with a strict dump (throws on invalid UTF-8).
  if (check.organization_id.size() != 36) __builtin_trap();
  std::string plaintext = check.content.dump();
  if (plaintext.empty()) __builtin_trap();
  if (check.content.contains("message") && !check.content["message"].is_string()) __builtin_trap();
  return 0;
}

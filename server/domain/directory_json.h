// One reading of a directory document (directory-data/README.md): safe accessors for
// documents that may lack any optional field or hold a wrong type (a draft, an import, a
// resident view), and the one rule of what "verified" means. Never the const operator[]
// of nlohmann::json on such a document: a missing key there is undefined behaviour, and
// json::value() throws on a wrong type. Stateless; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hw::domain {

// The member `key` of an object, or null (for anything else, or when it is absent).
const nlohmann::json& Field(const nlohmann::json& object, const char* key);
// The member as text, or "" when it is absent or not text.
std::string Str(const nlohmann::json& object, const char* key);
// One language of a text {"nl": "...", "en": "..."}, or "".
std::string In(const nlohmann::json& text, const std::string& lang);

// A contact detail (phone, chat, website, a service's facts) counts as verified only when
// it is an object whose "verified" is the boolean true: "yes", 1 or a missing flag are not.
bool IsVerified(const nlohmann::json& detail);
// A service residents may be sent to.
bool IsActive(const nlohmann::json& service);

}  // namespace hw::domain

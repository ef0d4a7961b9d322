#include "domain/directory_json.h"

namespace hw::domain {

using nlohmann::json;

const json& Field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Str(const json& object, const char* key) {
  const json& value = Field(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

std::string In(const json& text, const std::string& lang) { return Str(text, lang.c_str()); }

bool IsVerified(const json& detail) {
  const json& verified = Field(detail, "verified");
  return verified.is_boolean() && verified.get<bool>();
}

bool IsActive(const json& service) { return Str(service, "status") == "active"; }

}  // namespace hw::domain

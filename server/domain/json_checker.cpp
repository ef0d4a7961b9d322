#include "domain/json_checker.h"

#include "domain/text_shape.h"

#include <cctype>
#include <cstdio>

namespace hw::domain {

using nlohmann::json;

std::string Index(const char* name, size_t i) { return std::string(name) + "[" + std::to_string(i) + "]"; }

std::string JsonChecker::Path(const std::string& last) const {
  std::string path;
  for (const auto& segment : path_) {
    if (!path.empty() && segment.front() != '[') path += '.';
    path += segment;
  }
  if (!last.empty()) path += (path.empty() ? "" : ".") + last;
  return path;
}

void JsonChecker::Fail(const std::string& message, const std::string& subfield) {
  issues_.push_back({file_, entry_, Path(subfield), message});
}

void JsonChecker::WithEntry(const std::string& entry, const std::function<void()>& body) {
  const std::string saved_entry = entry_;
  const auto saved_path = path_;
  entry_ = entry;
  path_.clear();
  body();
  entry_ = saved_entry;
  path_ = saved_path;
}

void JsonChecker::WithField(const std::string& segment, const std::function<void()>& body) {
  path_.push_back(segment);
  body();
  path_.pop_back();
}

namespace {
// A value as it appears in a message: quoted, and cut short when it is long.
std::string Shown(const std::string& value) {
  constexpr size_t kShown = 80;
  return "\"" + (value.size() <= kShown ? value : value.substr(0, kShown) + "...") + "\"";
}

const char* TypeName(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "a list";
  if (value.is_string()) return "text";
  if (value.is_boolean()) return "true or false";
  if (value.is_number()) return "a number";
  return "null";
}
}  // namespace

bool JsonChecker::Object(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail("is missing", key);
    return false;
  }
  if (!parent[key].is_object()) {
    Fail(std::string("must be an object, not ") + TypeName(parent[key]), key);
    return false;
  }
  return true;
}

bool JsonChecker::Array(const json& parent, const char* key, bool required, bool non_empty) {
  if (!parent.contains(key)) {
    if (required) Fail("is missing", key);
    return false;
  }
  if (!parent[key].is_array()) {
    Fail(std::string("must be a list, not ") + TypeName(parent[key]), key);
    return false;
  }
  if (non_empty && parent[key].empty()) {
    Fail("must not be empty", key);
    return false;
  }
  return true;
}

bool JsonChecker::String(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail("is missing", key);
    return false;
  }
  const json& value = parent[key];
  if (!value.is_string()) {
    Fail(std::string("must be text, not ") + TypeName(value), key);
    return false;
  }
  const std::string& text = value.get_ref<const std::string&>();
  bool blank = true;
  for (unsigned char c : text) blank = blank && std::isspace(c);
  if (blank) {
    Fail("must not be empty", key);
    return false;
  }
  return true;
}

bool JsonChecker::Bool(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail("is missing (write true or false)", key);
    return false;
  }
  if (!parent[key].is_boolean()) {
    Fail(std::string("must be true or false, not ") + TypeName(parent[key]), key);
    return false;
  }
  return true;
}

bool JsonChecker::Integer(const json& parent, const char* key, long min, long max, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail("is missing", key);
    return false;
  }
  const json& value = parent[key];
  if (!value.is_number_integer() || value.get<long>() < min || value.get<long>() > max) {
    Fail("must be a whole number from " + std::to_string(min) + " to " + std::to_string(max), key);
    return false;
  }
  return true;
}

void JsonChecker::OnlyKeys(const json& object, std::initializer_list<const char*> allowed) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* name : allowed) known = known || it.key() == name;
    if (!known) {
      std::string list;
      for (const char* name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      Fail("is not a known field (allowed here: " + list + ")", it.key());
    }
  }
}

void JsonChecker::Text(const json& parent, const char* key, bool required) {
  if (!Object(parent, key, required)) return;
  WithField(key, [&] {
    OnlyKeys(parent[key], {"nl", "en"});
    String(parent[key], "nl");
    String(parent[key], "en");
  });
}

void JsonChecker::OneOf(const json& parent, const char* key, const std::set<std::string>& values, bool required) {
  if (!String(parent, key, required)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  if (values.count(value)) return;
  std::string list;
  for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
  Fail(Shown(value) + " is not one of: " + list, key);
}

void JsonChecker::Uuid(const json& parent, const char* key) {
  if (!String(parent, key)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  if (!IsLowercaseUuid(value)) {
    Fail("must be a UUID in lowercase, like 3f2b8c1e-5d4a-4b6f-9c0d-1e2f3a4b5c6d", key);
  } else if (!uuids_.insert(value).second) {
    Fail("\"" + value + "\" is used more than once; every id must be unique", key);
  }
}

void JsonChecker::HttpsUrl(const json& parent, const char* key) {
  if (!String(parent, key)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  if (value.rfind("https://", 0) != 0) {
    Fail("must start with https:// (got " + Shown(value) + ")", key);
  } else if (!IsHttpsUrl(value)) {
    Fail("is not a valid web address (got " + Shown(value) + ")", key);
  }
}

void JsonChecker::IsoDate(const json& parent, const char* key) {
  if (!String(parent, key)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  int year = 0, month = 0, day = 0;
  char tail = 0;
  const bool shaped = value.size() == 10 && std::sscanf(value.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const bool valid = shaped && year >= 2000 && month >= 1 && month <= 12 && day >= 1 &&
                     day <= kDays[month - 1] && !(month == 2 && day == 29 && !leap);
  if (!valid) Fail("must be a date written as YYYY-MM-DD (got " + Shown(value) + ")", key);
}

}  // namespace hw::domain

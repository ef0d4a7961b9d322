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

void JsonChecker::Fail(Problem problem, const std::string& subfield) {
  problem.file = file_;
  problem.entry = entry_;
  problem.organization = organization_;
  problem.organization_index = organization_index_;
  problem.field = Path(subfield);
  issues_.push_back(std::move(problem));
}

void JsonChecker::WithEntry(const std::string& entry, const std::function<void()>& body) {
  WithOrganization(entry, "", -1, body);
}

void JsonChecker::WithOrganization(const std::string& entry, const std::string& key, int index,
                                   const std::function<void()>& body) {
  const std::string saved_entry = entry_, saved_organization = organization_;
  const int saved_index = organization_index_;
  const auto saved_path = path_;
  entry_ = entry;
  organization_ = key;
  organization_index_ = index;
  path_.clear();
  body();
  entry_ = saved_entry;
  organization_ = saved_organization;
  organization_index_ = saved_index;
  path_ = saved_path;
}

void JsonChecker::WithField(const std::string& segment, const std::function<void()>& body) {
  path_.push_back(segment);
  body();
  path_.pop_back();
}

namespace {
// The kind of a JSON value, as a code ("list") and in an English sentence ("a list").
const char* KindOf(const json& value) {
  if (value.is_object()) return "object";
  if (value.is_array()) return "list";
  if (value.is_string()) return "text";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  return "null";
}

std::string KindInWords(const std::string& kind) {
  if (kind == "object") return "an object";
  if (kind == "list") return "a list";
  if (kind == "boolean") return "true or false";
  if (kind == "number") return "a number";
  return kind;
}

Problem WrongType(const char* expected, const json& value) {
  const std::string got = KindOf(value);
  return MakeProblem(ProblemCode::kWrongType, {{"expected", expected}, {"got", got}},
                     "must be " + KindInWords(expected) + ", not " + KindInWords(got));
}

std::string Listed(std::initializer_list<const char*> names) {
  std::string list;
  for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

std::string Listed(const std::set<std::string>& names) {
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  return list;
}
}  // namespace

bool JsonChecker::Object(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail(ProblemCode::kMissing, key);
    return false;
  }
  if (!parent[key].is_object()) {
    Fail(WrongType("object", parent[key]), key);
    return false;
  }
  return true;
}

bool JsonChecker::Array(const json& parent, const char* key, bool required, bool non_empty) {
  if (!parent.contains(key)) {
    if (required) Fail(ProblemCode::kMissing, key);
    return false;
  }
  if (!parent[key].is_array()) {
    Fail(WrongType("list", parent[key]), key);
    return false;
  }
  if (non_empty && parent[key].empty()) {
    Fail(ProblemCode::kEmpty, key);
    return false;
  }
  return true;
}

bool JsonChecker::String(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail(ProblemCode::kMissing, key);
    return false;
  }
  const json& value = parent[key];
  if (!value.is_string()) {
    Fail(WrongType("text", value), key);
    return false;
  }
  const std::string& text = value.get_ref<const std::string&>();
  bool blank = true;
  for (unsigned char c : text) blank = blank && std::isspace(c);
  if (blank) {
    Fail(ProblemCode::kEmpty, key);
    return false;
  }
  return true;
}

bool JsonChecker::Bool(const json& parent, const char* key, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail(ProblemCode::kMissingBool, key);
    return false;
  }
  if (!parent[key].is_boolean()) {
    Fail(WrongType("boolean", parent[key]), key);
    return false;
  }
  return true;
}

bool JsonChecker::Integer(const json& parent, const char* key, long min, long max, bool required) {
  if (!parent.contains(key)) {
    if (required) Fail(ProblemCode::kMissing, key);
    return false;
  }
  const json& value = parent[key];
  if (!value.is_number_integer() || value.get<long>() < min || value.get<long>() > max) {
    Fail(MakeProblem(ProblemCode::kNumberRange, {{"min", min}, {"max", max}}), key);
    return false;
  }
  return true;
}

void JsonChecker::OnlyKeys(const json& object, std::initializer_list<const char*> allowed) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* name : allowed) known = known || it.key() == name;
    if (!known) Fail(MakeProblem(ProblemCode::kUnknownField, {{"allowed", Listed(allowed)}}), it.key());
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
  Fail(MakeProblem(ProblemCode::kNotOneOf, {{"value", Shortened(value)}, {"allowed", Listed(values)}}), key);
}

void JsonChecker::Uuid(const json& parent, const char* key) {
  if (!String(parent, key)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  if (!IsLowercaseUuid(value)) {
    Fail(ProblemCode::kNotUuid, key);
  } else if (!uuids_.insert(value).second) {
    Fail(MakeProblem(ProblemCode::kUuidTwice, {{"value", Shortened(value)}}), key);
  }
}

void JsonChecker::HttpsUrl(const json& parent, const char* key) {
  if (!String(parent, key)) return;
  const std::string& value = parent[key].get_ref<const std::string&>();
  if (value.rfind("https://", 0) != 0) {
    Fail(MakeProblem(ProblemCode::kNotHttps, {{"got", Shortened(value)}}), key);
  } else if (!IsHttpsUrl(value)) {
    Fail(MakeProblem(ProblemCode::kNotUrl, {{"got", Shortened(value)}}), key);
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
  if (!valid) Fail(MakeProblem(ProblemCode::kNotDate, {{"got", Shortened(value)}}), key);
}

}  // namespace hw::domain

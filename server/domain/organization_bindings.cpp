#include "domain/organization_bindings.h"

#include "domain/json_diff.h"

namespace hw::domain {
namespace {

using nlohmann::json;

const std::string* StringField(const json& object, const char* name) {
  if (!object.is_object() || !object.contains(name) || !object[name].is_string()) return nullptr;
  return &object[name].get_ref<const std::string&>();
}

const json& Organizations(const json& directory) {
  static const json kNone = json::array();
  if (!directory.is_object() || !directory.contains("organizations") || !directory["organizations"].is_array()) return kNone;
  return directory["organizations"];
}

bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// "organizations[x]" or "organizations[x].services[y]": a whole organisation or service.
bool IsWholeOrganizationOrService(const std::string& path) {
  const size_t close = path.find(']');
  if (path.rfind("organizations[", 0) != 0 || close == std::string::npos) return false;
  const std::string rest = path.substr(close + 1);
  return rest.empty() || (rest.rfind(".services[", 0) == 0 && rest.find(']') == rest.size() - 1);
}

}  // namespace

void OrganizationBindings::Learn(const json& directory) {
  for (const json& org : Organizations(directory)) {
    const std::string* id = StringField(org, "id");
    const std::string* key = StringField(org, "key");
    if (!id || !key || key_of_id_.count(*id) || id_of_key_.count(*key)) continue;
    key_of_id_[*id] = *key;
    id_of_key_[*key] = *id;
  }
}

Problems OrganizationBindings::Check(const json& directory, const std::string& file) const {
  Problems issues;
  const json& orgs = Organizations(directory);
  for (size_t i = 0; i < orgs.size(); ++i) {
    const std::string* id = StringField(orgs[i], "id");
    const std::string* key = StringField(orgs[i], "key");
    if (!id || !key) continue;  // the validator reports what is missing
    const std::string entry = "organization \"" + *key + "\" (organizations[" + std::to_string(i) + "])";
    const auto add = [&](ProblemCode code, nlohmann::json params, const char* field) {
      Problem problem = MakeProblem(code, std::move(params));
      problem.file = file;
      problem.entry = entry;
      problem.organization = *key;
      problem.organization_index = static_cast<int>(i);
      problem.field = field;
      issues.push_back(std::move(problem));
    };
    const auto bound_key = key_of_id_.find(*id);
    if (bound_key != key_of_id_.end() && bound_key->second != *key)
      add(ProblemCode::kKeyBound, {{"published", bound_key->second}, {"id", *id}}, "key");
    const auto bound_id = id_of_key_.find(*key);
    if (bound_id != id_of_key_.end() && bound_id->second != *id)
      add(ProblemCode::kIdBound, {{"published", bound_id->second}, {"key", *key}}, "id");
  }
  return issues;
}

bool IsContactSettingPath(const std::string& path) {
  return path.find(".contact_requests") != std::string::npos || IsWholeOrganizationOrService(path) ||
         (path.rfind("organizations[", 0) == 0 && path.find('.') == path.rfind('.') &&
          (EndsWith(path, ".id") || EndsWith(path, ".key"))) ||
         (path.find(".services[") != std::string::npos && EndsWith(path, ".status"));
}

Result<OrganizationBindings> PublishedBindings(store::DirectoryStore& store) {
  auto versions = store.Versions();  // newest first: the operator's last word wins
  if (!versions.ok()) return versions.status();
  OrganizationBindings bindings;
  for (const auto& info : versions.value()) {
    auto version = store.Version(info.version);
    if (!version.ok()) return version.status();
    if (version.value()) bindings.Learn(json::parse(version.value()->directory, nullptr, false));
  }
  return bindings;
}

std::string DescribeChanges(const json& changes) {
  auto shown = [](const json& value) {
    const std::string text = value.is_null() ? "(none)" : value.dump(-1, ' ', false, json::error_handler_t::replace);
    return text.size() <= 80 ? text : text.substr(0, 80) + "...";
  };
  std::string text;
  for (const json& change : changes)
    text += (text.empty() ? "" : ", ") + change["path"].get<std::string>() + ": " + shown(change["before"]) + " -> " +
            shown(change["after"]);
  return text;
}

json ContactSettingChanges(const json& before, const json& after) {
  json selected = json::array();
  for (const json& change : JsonDiff(before, after))
    if (IsContactSettingPath(change["path"].get<std::string>())) selected.push_back(change);
  return selected;
}

}  // namespace hw::domain

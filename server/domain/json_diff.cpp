#include "domain/json_diff.h"

#include <set>

namespace hw::domain {
namespace {

using nlohmann::json;

// The identity of a list element: its "key", else its "id", else none.
std::string Identity(const json& item) {
  if (!item.is_object()) return "";
  if (item.contains("key") && item["key"].is_string()) return item["key"].get<std::string>();
  if (item.contains("id") && item["id"].is_string()) return item["id"].get<std::string>();
  return "";
}

bool Identified(const json& list) {
  if (!list.is_array() || list.empty()) return false;
  for (const json& item : list)
    if (Identity(item).empty()) return false;
  return true;
}

void Walk(const std::string& path, const json& before, const json& after, json& changes) {
  if (before == after) return;
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (auto it = before.begin(); it != before.end(); ++it) keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it) keys.insert(it.key());
    for (const std::string& key : keys) {
      const json& b = before.contains(key) ? before[key] : json();
      const json& a = after.contains(key) ? after[key] : json();
      Walk(path.empty() ? key : path + "." + key, b, a, changes);
    }
    return;
  }
  if (before.is_array() && after.is_array() && (Identified(before) || Identified(after))) {
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const json* list : {&before, &after})
      for (const json& item : *list)
        if (seen.insert(Identity(item)).second) order.push_back(Identity(item));
    auto find = [](const json& list, const std::string& id) -> json {
      for (const json& item : list)
        if (Identity(item) == id) return item;
      return json();
    };
    for (const std::string& id : order) Walk(path + "[" + id + "]", find(before, id), find(after, id), changes);
    return;
  }
  if (before.is_array() && after.is_array() && before.size() == after.size()) {
    for (size_t i = 0; i < before.size(); ++i) Walk(path + "[" + std::to_string(i) + "]", before[i], after[i], changes);
    return;
  }
  changes.push_back({{"path", path}, {"before", before}, {"after", after}});
}

}  // namespace

json JsonDiff(const json& before, const json& after) {
  json changes = json::array();
  Walk("", before, after, changes);
  return changes;
}

}  // namespace hw::domain

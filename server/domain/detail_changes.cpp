#include "domain/detail_changes.h"

#include <functional>

#include "domain/directory_json.h"
#include "domain/phone_number.h"

namespace hw::domain {
namespace {

using nlohmann::json;

const char* const kProvenance[] = {"source", "source_url", "source_date", "checked", "checked_by", "verified"};
const char* const kFactFields[] = {"hours", "free", "anonymous", "day_and_night", "schedule", "languages"};

json Content(const json& detail) {
  json content = detail.is_object() ? detail : json::object();
  for (const char* key : kProvenance) content.erase(key);
  return content;
}

// A service's facts as one detail: its fact fields plus the provenance in "facts".
json FactsDetail(const json& service) {
  json facts = service.contains("facts") && service["facts"].is_object() ? service["facts"] : json::object();
  for (const char* field : kFactFields)
    if (service.contains(field)) facts[std::string("fact:") + field] = service[field];
  return facts;
}

std::string Readable(const json& detail, const std::string& kind) {
  if (!detail.is_object()) return "";
  if (kind == "phone") return detail.value("number", "");
  if (kind == "facts") return Content(detail).dump();
  return detail.value("url", "");
}

const json* ById(const json& list, const std::string& id) {
  if (!list.is_array()) return nullptr;
  for (const json& item : list)
    if (item.is_object() && item.value("id", "") == id) return &item;
  return nullptr;
}


// Calls `visit(key, field, kind, before_or_null, after_or_null)` for each detail of each
// organisation in either document (matched by id).
using Visit = std::function<void(const std::string&, const std::string&, const std::string&, const json*, json*)>;

void EachDetail(const json& published, json& draft, bool crisis_only, const Visit& visit) {
  static const json kEmpty = json::array();
  const json& before_orgs = published.is_object() && published.contains("organizations") ? published["organizations"] : kEmpty;
  if (!draft.is_object() || !draft.contains("organizations") || !draft["organizations"].is_array()) return;
  for (json& org : draft["organizations"]) {
    if (!org.is_object() || !org.contains("id") || !org["id"].is_string()) continue;
    const json* old = ById(before_orgs, org["id"].get<std::string>());
    const bool crisis = org.value("crisis_line", false) || (old && old->value("crisis_line", false));
    if (crisis_only && !crisis) continue;
    const std::string key = org.value("key", "");
    const json* old_website = old && old->contains("website") ? &(*old)["website"] : nullptr;
    visit(key, "website", "website", old_website, org.contains("website") ? &org["website"] : nullptr);
    if (!org.contains("services") || !org["services"].is_array()) continue;
    for (size_t s = 0; s < org["services"].size(); ++s) {
      json& service = org["services"][s];
      if (!service.is_object()) continue;
      const json* old_service = old && old->contains("services") ? ById((*old)["services"], service.value("id", "")) : nullptr;
      const std::string at = "services[" + std::to_string(s) + "]";
      if (service.contains("phones") && service["phones"].is_array()) {
        for (size_t p = 0; p < service["phones"].size(); ++p) {
          json& phone = service["phones"][p];
          const json* old_phone =
              old_service && old_service->contains("phones") ? ById((*old_service)["phones"], phone.value("id", "")) : nullptr;
          visit(key, at + ".phones[" + std::to_string(p) + "]", "phone", old_phone, &phone);
        }
      }
      if (old_service && old_service->contains("phones") && (*old_service)["phones"].is_array()) {
        for (const json& old_phone : (*old_service)["phones"])
          if (!ById(service.value("phones", json::array()), old_phone.value("id", ""))) visit(key, at + ".phones", "phone", &old_phone, nullptr);
      }
      const json* old_chat = old_service && old_service->contains("chat") ? &(*old_service)["chat"] : nullptr;
      visit(key, at + ".chat", "chat", old_chat, service.contains("chat") ? &service["chat"] : nullptr);
      const json old_facts = old_service ? FactsDetail(*old_service) : json();
      json facts = FactsDetail(service);
      visit(key, at + ".facts", "facts", old_service ? &old_facts : nullptr, &facts);
      if (service.contains("facts") && facts.contains("verified")) service["facts"]["verified"] = facts["verified"];
    }
  }
}

bool RecordsNewCheck(const json& detail, const json* before) {
  if (!detail.contains("source_url") || !detail["source_url"].is_string()) return false;
  if (!detail.contains("checked_by") || !detail["checked_by"].is_string() || detail["checked_by"].get<std::string>().empty())
    return false;
  if (!before) return true;
  // ISO dates compare as text. A check on the same day counts when someone else records it.
  const std::string checked = detail.value("checked", ""), was = before->value("checked", "");
  return checked > was || (checked == was && detail["checked_by"] != before->value("checked_by", ""));
}

}  // namespace

std::vector<DetailChange> UntickEditedDetails(const json& published, json& draft) {
  std::vector<DetailChange> unticked;
  EachDetail(published, draft, false,
             [&](const std::string& key, const std::string& field, const std::string& kind, const json* before, json* after) {
               if (!after || !IsVerified(*after)) return;
               if (before && Content(*before) == Content(*after)) return;
               if (kind == "facts" && !before && Content(*after).empty()) return;
               if (RecordsNewCheck(*after, before)) return;
               (*after)["verified"] = false;
               unticked.push_back({key, field, before ? Readable(*before, kind) : "", Readable(*after, kind)});
             });
  return unticked;
}

std::vector<DetailChange> CrisisLineChanges(const json& published, const json& draft) {
  std::vector<DetailChange> changes;
  json copy = draft;
  if (published.is_object() && published.contains("organizations") && published["organizations"].is_array()) {
    for (const json& old : published["organizations"]) {  // a crisis line removed altogether
      if (!old.is_object() || !old.value("crisis_line", false)) continue;
      const json* kept = draft.is_object() && draft.contains("organizations") ? ById(draft["organizations"], old.value("id", "")) : nullptr;
      if (!kept) changes.push_back({old.value("key", ""), "organization", old.value("key", ""), ""});
    }
  }
  EachDetail(published, copy, true,
             [&](const std::string& key, const std::string& field, const std::string& kind, const json* before, json* after) {
               const bool same = before && after && Content(*before) == Content(*after) && IsVerified(*before) == IsVerified(*after);
               if (same || (!before && !after)) return;
               if (kind == "facts" && (!before || Content(*before).empty()) && after && Content(*after).empty()) return;
               changes.push_back({key, field, before ? Readable(*before, kind) : "", after ? Readable(*after, kind) : ""});
             });
  return changes;
}

void DeriveDialForms(json& draft) {
  if (!draft.is_object() || !draft.contains("organizations") || !draft["organizations"].is_array()) return;
  for (json& org : draft["organizations"]) {
    if (!org.is_object() || !org.contains("services") || !org["services"].is_array()) continue;
    for (json& service : org["services"]) {
      if (!service.is_object() || !service.contains("phones") || !service["phones"].is_array()) continue;
      for (json& phone : service["phones"]) {
        if (!phone.is_object() || !phone.contains("number") || !phone["number"].is_string()) continue;
        const std::string dialled = DialFormOf(phone["number"].get<std::string>());
        if (!dialled.empty()) phone["tel"] = dialled;
      }
    }
  }
}

json ToJson(const std::vector<DetailChange>& changes) {
  json out = json::array();
  for (const auto& c : changes)
    out.push_back({{"organization", c.organization}, {"field", c.field}, {"before", c.before}, {"after", c.after}});
  return out;
}

}  // namespace hw::domain

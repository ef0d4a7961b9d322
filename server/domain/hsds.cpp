// The HSDS export and the API's list and page shapes. The import is in hsds_import.cpp.
#include "domain/hsds.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>

#include "crypto/derived_id.h"

namespace hw::domain {
namespace {

using nlohmann::json;

bool Verified(const json& detail) {
  return detail.is_object() && detail.contains("verified") && detail["verified"].is_boolean() &&
         detail["verified"].get<bool>();
}

bool Active(const json& service) {
  return service.is_object() && service.contains("status") && service["status"] == "active";
}

std::string In(const json& text, const std::string& lang) {
  if (text.is_object() && text.contains(lang) && text[lang].is_string()) return text[lang].get<std::string>();
  return "";
}

std::string Str(const json& object, const char* key) {
  if (object.is_object() && object.contains(key) && object[key].is_string()) return object[key].get<std::string>();
  return "";
}

// Empty values are omitted, never null.
void PutText(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}
void PutList(json& object, const char* key, json list) {
  if (!list.empty()) object[key] = std::move(list);
}

bool HasSlots(const json& parent, const char* key) {
  return parent.is_object() && parent.contains(key) && parent[key].is_array() && !parent[key].empty();
}

std::string Days(const json& days) {
  std::string joined;
  for (const json& day : days) joined += (joined.empty() ? "" : ",") + day.get<std::string>();
  return joined;
}

std::string TimeZoneNote(const std::string& lang) {
  return lang == "en" ? "Local time in the Netherlands (Europe/Amsterdam)."
                      : "Lokale tijd in Nederland (Europe/Amsterdam).";
}

const std::map<std::string, std::pair<const char*, const char*>>& LanguageNames() {
  static const std::map<std::string, std::pair<const char*, const char*>> names = {
      {"ar", {"Arabisch", "Arabic"}},    {"de", {"Duits", "German"}},         {"en", {"Engels", "English"}},
      {"es", {"Spaans", "Spanish"}},     {"fa", {"Perzisch", "Persian"}},     {"fr", {"Frans", "French"}},
      {"nl", {"Nederlands", "Dutch"}},   {"pl", {"Pools", "Polish"}},         {"pt", {"Portugees", "Portuguese"}},
      {"ro", {"Roemeens", "Romanian"}},  {"ru", {"Russisch", "Russian"}},     {"so", {"Somalisch", "Somali"}},
      {"ti", {"Tigrinya", "Tigrinya"}},  {"tr", {"Turks", "Turkish"}},        {"uk", {"Oekraïens", "Ukrainian"}},
      {"zh", {"Chinees", "Chinese"}}};
  return names;
}

json TimedSchedule(const std::string& service_id, const std::string& name, const json& slot, const std::string& lang) {
  return {{"id", crypto::DerivedUuid(service_id, name)},
          {"service_id", service_id},
          {"freq", "WEEKLY"},
          {"byday", Days(slot["days"])},
          {"opens_at", slot["opens"]},
          {"closes_at", slot["closes"]},
          {"notes", TimeZoneNote(lang)}};
}

json Schedules(const json& service, const std::string& lang) {
  const std::string id = service["id"].get<std::string>();
  json schedules = json::array();
  const std::string hours = In(service["hours"], lang);
  if (HasSlots(service, "schedule")) {
    for (size_t i = 0; i < service["schedule"].size(); ++i) {
      json schedule = TimedSchedule(id, "schedule/" + std::to_string(i), service["schedule"][i], lang);
      PutText(schedule, "description", hours);
      schedules.push_back(std::move(schedule));
    }
  } else if (!hours.empty()) {
    schedules.push_back({{"id", crypto::DerivedUuid(id, "hours")}, {"service_id", id}, {"description", hours}});
  }
  if (service.contains("chat") && Verified(service["chat"])) {
    const json& chat = service["chat"];
    const std::string description = In(chat["description"], lang);
    if (HasSlots(chat, "schedule")) {
      for (size_t i = 0; i < chat["schedule"].size(); ++i) {
        json schedule = TimedSchedule(id, "chat-schedule/" + std::to_string(i), chat["schedule"][i], lang);
        schedule["attending_type"] = "virtual";
        PutText(schedule, "description", description);
        schedules.push_back(std::move(schedule));
      }
    } else {
      json schedule = {{"id", crypto::DerivedUuid(id, "chat")}, {"service_id", id}, {"attending_type", "virtual"}};
      PutText(schedule, "description", description);
      schedules.push_back(std::move(schedule));
    }
  }
  return schedules;
}

json Phones(const json& service, const std::string& lang, std::string* fees, std::string* oldest_check) {
  const std::string id = service["id"].get<std::string>();
  json phones = json::array();
  if (!service.contains("phones") || !service["phones"].is_array()) return phones;
  for (const json& phone : service["phones"]) {
    if (!Verified(phone)) continue;
    json out = {{"id", phone["id"]}, {"service_id", id}, {"number", phone["number"]}, {"type", phone["type"]}};
    const std::string cost = In(phone["cost"], lang);
    std::string description = In(phone["description"], lang);
    if (!cost.empty()) description += HsdsCostLabel(lang) + cost;
    PutText(out, "description", description);
    if (!cost.empty()) *fees += (fees->empty() ? "" : "\n") + phone["number"].get<std::string>() + ": " + cost;
    const std::string checked = Str(phone, "checked");
    if (!checked.empty() && (oldest_check->empty() || checked < *oldest_check)) *oldest_check = checked;
    phones.push_back(std::move(out));
  }
  return phones;
}

json Languages(const json& service, const std::string& lang) {
  const std::string id = service["id"].get<std::string>();
  json languages = json::array();
  if (!service.contains("languages") || !service["languages"].is_array()) return languages;
  for (const json& code : service["languages"]) {
    if (!code.is_string()) continue;
    const std::string c = code.get<std::string>();
    json language = {{"id", crypto::DerivedUuid(id, "language/" + c)}, {"service_id", id}, {"code", c}};
    const auto it = LanguageNames().find(c);
    if (it != LanguageNames().end()) language["name"] = lang == "en" ? it->second.second : it->second.first;
    languages.push_back(std::move(language));
  }
  return languages;
}

json Service(const json& org, const json& service, const std::string& lang) {
  const std::string id = service["id"].get<std::string>();
  json out = {{"id", id}, {"organization_id", org["id"]}, {"status", service["status"]}};
  PutText(out, "name", In(service["name"], lang));
  PutText(out, "description", In(service["description"], lang));
  std::string fees, oldest_check;
  json phones = Phones(service, lang, &fees, &oldest_check);
  if (service.contains("chat") && Verified(service["chat"])) {
    out["url"] = service["chat"]["url"];
    const std::string checked = Str(service["chat"], "checked");
    if (!checked.empty() && (oldest_check.empty() || checked < oldest_check)) oldest_check = checked;
  }
  PutText(out, "fees_description", fees);
  PutText(out, "assured_date", oldest_check);
  PutList(out, "phones", std::move(phones));
  PutList(out, "schedules", Schedules(service, lang));
  PutList(out, "languages", Languages(service, lang));
  const std::string area = In(service["area"], lang);
  if (!area.empty())
    out["service_areas"] = json::array({{{"id", crypto::DerivedUuid(id, "service_area")}, {"service_id", id}, {"name", area}}});
  return out;
}

// The organisation's own fields, without services.
json OrganizationCore(const json& org, const std::string& lang) {
  json out = {{"id", org["id"]}};
  PutText(out, "name", In(org["name"], lang));
  PutText(out, "description", In(org["description"], lang));
  if (org.contains("website") && Verified(org["website"])) PutText(out, "website", Str(org["website"], "url"));
  return out;
}

json Organization(const json& org, const std::string& lang) {
  json out = OrganizationCore(org, lang);
  json services = json::array();
  if (org.contains("services") && org["services"].is_array())
    for (const json& service : org["services"])
      if (Active(service)) services.push_back(Service(org, service, lang));
  PutList(out, "services", std::move(services));
  return out;
}

const json& Organizations(const json& directory) {
  static const json kNone = json::array();
  if (directory.is_object() && directory.contains("organizations") && directory["organizations"].is_array())
    return directory["organizations"];
  return kNone;
}

std::string LowerAscii(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

bool IsHsdsLanguage(const std::string& lang) { return lang == "nl" || lang == "en"; }

std::string HsdsCostLabel(const std::string& lang) { return lang == "en" ? " Cost: " : " Kosten: "; }

json HsdsOrganizations(const json& resident_directory, const std::string& lang) {
  json out = json::array();
  for (const json& org : Organizations(resident_directory)) out.push_back(Organization(org, lang));
  return out;
}

json HsdsOrganization(const json& resident_directory, const std::string& id, const std::string& lang) {
  for (const json& org : Organizations(resident_directory))
    if (org.value("id", "") == id) return Organization(org, lang);
  return nullptr;
}

json HsdsServices(const json& resident_directory, const std::string& lang) {
  json out = json::array();
  for (const json& org : Organizations(resident_directory)) {
    if (!org.contains("services") || !org["services"].is_array()) continue;
    const json core = OrganizationCore(org, lang);
    for (const json& service : org["services"]) {
      if (!Active(service)) continue;
      json s = Service(org, service, lang);
      s["organization"] = core;
      out.push_back(std::move(s));
    }
  }
  return out;
}

json HsdsService(const json& resident_directory, const std::string& id, const std::string& lang) {
  for (const json& org : Organizations(resident_directory)) {
    if (!org.contains("services") || !org["services"].is_array()) continue;
    for (const json& service : org["services"]) {
      if (!Active(service) || service.value("id", "") != id) continue;
      json s = Service(org, service, lang);
      s["organization"] = OrganizationCore(org, lang);
      return s;
    }
  }
  return nullptr;
}

json HsdsServiceList(const json& resident_directory, const std::string& lang) {
  json out = HsdsServices(resident_directory, lang);
  for (json& service : out)
    for (const char* nested : {"phones", "schedules", "languages", "service_areas"}) service.erase(nested);
  return out;
}

json HsdsOrganizationList(const json& resident_directory, const std::string& lang) {
  json out = json::array();
  for (const json& org : Organizations(resident_directory)) out.push_back(OrganizationCore(org, lang));
  return out;
}

bool HsdsMatchesSearch(const json& item, const std::string& search) {
  if (search.empty()) return true;
  const std::string needle = LowerAscii(search);
  for (const char* key : {"name", "description"})
    if (LowerAscii(Str(item, key)).find(needle) != std::string::npos) return true;
  return false;
}

json HsdsPage(const json& items, int page, int per_page) {
  const int64_t total = items.is_array() ? static_cast<int64_t>(items.size()) : 0;
  const int64_t size = std::max(per_page, 1);
  const int64_t number = std::max(page, 1);
  const int64_t pages = (total + size - 1) / size;
  json contents = json::array();
  for (int64_t i = (number - 1) * size; i < total && i < number * size; ++i) contents.push_back(items[static_cast<size_t>(i)]);
  return {{"total_items", total},
          {"total_pages", pages},
          {"page_number", number},
          {"size", contents.size()},
          {"first_page", number == 1},
          {"last_page", number >= pages},
          {"empty", contents.empty()},
          {"contents", std::move(contents)}};
}

}  // namespace hw::domain

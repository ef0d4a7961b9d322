// The HSDS export and the API's list and page shapes. The import is in hsds_import.cpp.
#include "domain/hsds.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>

#include "crypto/derived_id.h"
#include "domain/directory_json.h"

namespace hw::domain {
namespace {

using nlohmann::json;


// The service's facts (hours, schedule, languages) are published only with a verified
// source of their own; ResidentView has already dropped them otherwise, this guards a
// caller that passes the full directory.
bool FactsShown(const json& service) { return IsVerified(Field(service, "facts")); }

// The verified chat of a service, or null.
const json& ShownChat(const json& service) {
  static const json kNull;
  const json& chat = Field(service, "chat");
  return IsVerified(chat) ? chat : kNull;
}

// assured_date: the oldest `checked` of what the export publishes for a service.
class OldestCheck {
 public:
  void Add(const json& detail) {
    const std::string checked = Str(detail, "checked");
    if (!checked.empty() && (oldest_.empty() || checked < oldest_)) oldest_ = checked;
  }
  const std::string& date() const { return oldest_; }

 private:
  std::string oldest_;
};

// Empty values are omitted, never null.
void PutText(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}
void PutList(json& object, const char* key, json list) {
  if (!list.empty()) object[key] = std::move(list);
}

bool HasSlots(const json& parent, const char* key) {
  const json& slots = Field(parent, key);
  return slots.is_array() && !slots.empty();
}

std::string Days(const json& days) {
  std::string joined;
  if (!days.is_array()) return joined;
  for (const json& day : days)
    if (day.is_string()) joined += (joined.empty() ? "" : ",") + day.get<std::string>();
  return joined;
}

std::string TimeZoneNote(const std::string& lang) {
  return lang == "en" ? "Local time in the Netherlands (Europe/Amsterdam)."
                      : "Lokale tijd in Nederland (Europe/Amsterdam).";
}

// A chat with "usually": true: its source says it is usually, not always, staffed at its
// hours. `timed`: the schedule the note goes on has times.
std::string UsuallyNote(const std::string& lang, bool timed) {
  if (lang == "en") return timed ? "Usually, but not always, staffed at these times." : "Usually, but not always, staffed.";
  return timed ? "Meestal, maar niet altijd, bemand op deze tijden." : "Meestal, maar niet altijd, bemand.";
}

// Appends a sentence to a schedule's notes.
void AddNote(json& schedule, const std::string& note) {
  const std::string notes = Str(schedule, "notes");
  schedule["notes"] = notes.empty() ? note : notes + " " + note;
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
  json schedule = {{"id", crypto::DerivedUuid(service_id, name)}, {"service_id", service_id}, {"freq", "WEEKLY"}};
  PutText(schedule, "byday", Days(Field(slot, "days")));
  PutText(schedule, "opens_at", Str(slot, "opens"));
  PutText(schedule, "closes_at", Str(slot, "closes"));
  schedule["notes"] = TimeZoneNote(lang);
  return schedule;
}

// Phone hours: the service's schedule and hours text, when its facts are shown.
void PhoneSchedules(const json& service, const std::string& id, const std::string& lang, json* schedules) {
  if (!FactsShown(service)) return;
  const std::string hours = In(Field(service, "hours"), lang);
  if (HasSlots(service, "schedule")) {
    const json& slots = Field(service, "schedule");
    for (size_t i = 0; i < slots.size(); ++i) {
      json schedule = TimedSchedule(id, "schedule/" + std::to_string(i), slots[i], lang);
      PutText(schedule, "description", hours);
      schedules->push_back(std::move(schedule));
    }
  } else if (!hours.empty()) {
    schedules->push_back({{"id", crypto::DerivedUuid(id, "hours")}, {"service_id", id}, {"description", hours}});
  }
}

// Chat hours: virtual schedules, one per slot, or one without times when they are unknown.
void ChatSchedules(const json& chat, const std::string& id, const std::string& lang, json* schedules) {
  if (chat.is_null()) return;
  const std::string description = In(Field(chat, "description"), lang);
  const bool usually = Field(chat, "usually") == true;
  auto add = [&](json schedule) {
    schedule["attending_type"] = "virtual";
    PutText(schedule, "description", description);
    if (usually) AddNote(schedule, UsuallyNote(lang, schedule.contains("opens_at")));
    schedules->push_back(std::move(schedule));
  };
  if (HasSlots(chat, "schedule")) {
    const json& slots = Field(chat, "schedule");
    for (size_t i = 0; i < slots.size(); ++i)
      add(TimedSchedule(id, "chat-schedule/" + std::to_string(i), slots[i], lang));
  } else {
    add({{"id", crypto::DerivedUuid(id, "chat")}, {"service_id", id}});
  }
}

// The provenance of one published detail, added to the record that holds it (hsds.h).
void AddProvenance(json& record, const json& detail, const std::string& link_id, const char* entity,
                   const char* field, const std::string& value) {
  const std::string url = Str(detail, "source_url"), checked = Str(detail, "checked");
  if (!url.empty()) {
    if (!record.contains("attributes")) record["attributes"] = json::array();
    record["attributes"].push_back(
        {{"id", crypto::DerivedUuid(link_id, std::string("source/") + entity)},
         {"link_id", link_id},
         {"link_type", "source_url"},
         {"link_entity", entity},
         {"value", url}});
  }
  if (!checked.empty()) {
    if (!record.contains("metadata")) record["metadata"] = json::array();
    record["metadata"].push_back({{"id", crypto::DerivedUuid(link_id, std::string("checked/") + entity)},
                                  {"resource_id", link_id},
                                  {"resource_type", entity},
                                  {"last_action_date", checked},
                                  {"last_action_type", "checked"},
                                  {"field_name", field},
                                  {"previous_value", value},  // checked, not changed
                                  {"replacement_value", value},
                                  {"updated_by", "Hulpwijzer"}});
  }
}

json Phones(const json& service, const std::string& id, const std::string& lang, std::string* fees,
            OldestCheck* assured) {
  json phones = json::array();
  const json& list = Field(service, "phones");
  if (!list.is_array()) return phones;
  for (const json& phone : list) {
    const std::string number = Str(phone, "number");
    if (!IsVerified(phone) || number.empty()) continue;
    json out = {{"id", Field(phone, "id")}, {"service_id", id}, {"number", number}};
    PutText(out, "type", Str(phone, "type"));
    const std::string cost = In(Field(phone, "cost"), lang);
    std::string description = In(Field(phone, "description"), lang);
    if (!cost.empty()) description += HsdsCostLabel(lang) + cost;
    PutText(out, "description", description);
    if (!cost.empty()) *fees += (fees->empty() ? "" : "\n") + number + ": " + cost;
    assured->Add(phone);
    AddProvenance(out, phone, Str(phone, "id"), "phone", "number", number);
    phones.push_back(std::move(out));
  }
  return phones;
}

json Languages(const json& service, const std::string& id, const std::string& lang) {
  json languages = json::array();
  const json& codes = Field(service, "languages");  // optional: most services do not list them
  if (!FactsShown(service) || !codes.is_array()) return languages;
  for (const json& code : codes) {
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
  const std::string id = Str(service, "id");
  json out = {{"id", id}, {"organization_id", Field(org, "id")}, {"status", Field(service, "status")}};
  PutText(out, "name", In(Field(service, "name"), lang));
  PutText(out, "description", In(Field(service, "description"), lang));
  std::string fees;
  OldestCheck assured;
  json phones = Phones(service, id, lang, &fees, &assured);
  const json& chat = ShownChat(service);
  if (!chat.is_null()) {
    PutText(out, "url", Str(chat, "url"));
    assured.Add(chat);
    AddProvenance(out, chat, id, "chat", "url", Str(chat, "url"));
  }
  json schedules = json::array();
  PhoneSchedules(service, id, lang, &schedules);
  json languages = Languages(service, id, lang);
  // The facts count for assured_date only when the export publishes one of them.
  if (!schedules.empty() || !languages.empty()) assured.Add(Field(service, "facts"));
  ChatSchedules(chat, id, lang, &schedules);
  PutText(out, "fees_description", fees);
  PutText(out, "assured_date", assured.date());
  PutList(out, "phones", std::move(phones));
  PutList(out, "schedules", std::move(schedules));
  PutList(out, "languages", std::move(languages));
  const std::string area = In(Field(service, "area"), lang);
  if (!area.empty())
    out["service_areas"] = json::array({{{"id", crypto::DerivedUuid(id, "service_area")}, {"service_id", id}, {"name", area}}});
  return out;
}

// The organisation's own fields, without services.
json OrganizationCore(const json& org, const std::string& lang) {
  json out = {{"id", Field(org, "id")}};
  PutText(out, "name", In(Field(org, "name"), lang));
  PutText(out, "description", In(Field(org, "description"), lang));
  const json& website = Field(org, "website");
  if (IsVerified(website)) {
    PutText(out, "website", Str(website, "url"));
    AddProvenance(out, website, Str(org, "id"), "website", "website", Str(website, "url"));
  }
  return out;
}

// The organisation's services as a list; none when it has none (or they are damaged).
const json& ServicesOf(const json& org) {
  static const json kNone = json::array();
  const json& services = Field(org, "services");
  return services.is_array() ? services : kNone;
}

json Organization(const json& org, const std::string& lang) {
  json out = OrganizationCore(org, lang);
  json services = json::array();
  for (const json& service : ServicesOf(org))
    if (IsActive(service)) services.push_back(Service(org, service, lang));
  PutList(out, "services", std::move(services));
  return out;
}

const json& Organizations(const json& directory) {
  static const json kNone = json::array();
  const json& organizations = Field(directory, "organizations");
  return organizations.is_array() ? organizations : kNone;
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
    if (Str(org, "id") == id) return Organization(org, lang);
  return nullptr;
}

json HsdsServices(const json& resident_directory, const std::string& lang) {
  json out = json::array();
  for (const json& org : Organizations(resident_directory)) {
    const json core = OrganizationCore(org, lang);
    for (const json& service : ServicesOf(org)) {
      if (!IsActive(service)) continue;
      json s = Service(org, service, lang);
      s["organization"] = core;
      out.push_back(std::move(s));
    }
  }
  return out;
}

json HsdsService(const json& resident_directory, const std::string& id, const std::string& lang) {
  for (const json& org : Organizations(resident_directory)) {
    for (const json& service : ServicesOf(org)) {
      if (!IsActive(service) || Str(service, "id") != id) continue;
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

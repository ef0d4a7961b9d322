// ImportHsds (declared in hsds.h, which states the rules): an HSDS document in one
// language, applied to our directory change by change. Every change is validated on its
// own before it is kept, so one bad value never blocks the rest and the result is valid.
#include <algorithm>
#include <ctime>
#include <functional>
#include <optional>
#include <set>

#include "crypto/derived_id.h"
#include "domain/amsterdam_time.h"
#include "domain/directory_json.h"
#include "domain/directory_validator.h"
#include "domain/freshness.h"
#include "domain/hsds.h"
#include "domain/text_shape.h"
#include "domain/phone_number.h"
#include "domain/resident_view.h"
#include "domain/schedule.h"

namespace hw::domain {
namespace {

using nlohmann::json;
using Locate = std::function<json&(json&)>;

const char* const kAddressReason = "shelter and service addresses are never published; not imported";
const char* const kUnverified = " (unverified: residents see it once an editor has checked it)";
const char* const kFactsUnverified =
    " (the service's facts are unverified now: residents see its hours, cost, anonymity and languages once an editor "
    "has checked them)";
// What a detail's provenance says about its source; an import replaces all of it.
constexpr const char* kSourceFields[] = {"source", "source_url", "source_date", "checked", "checked_by", "verified"};

bool IsEmptyValue(const json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) || (v.is_array() && v.empty()) ||
         (v.is_object() && v.empty());
}

bool HasSlots(const json& parent, const char* key) {
  const json& slots = Field(parent, key);
  return slots.is_array() && !slots.empty();
}

// Today in Amsterdam, where the directory's dates are kept.
std::string Today() { return AmsterdamDate(static_cast<int64_t>(std::time(nullptr))); }

// The day `date` (YYYY-MM-DD) names, or nullopt when it is not a date.
std::optional<int64_t> DayOf(const std::string& date) {
  int64_t day = 0;
  if (!ParseIsoDate(date, &day)) return std::nullopt;
  return day;
}

// The number the tel: link dials for a written Dutch number (CheckDutchPhone's rule);
// empty when the written number cannot be one.
std::string TelFor(const std::string& written) {
  std::string digits;
  for (char c : written)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() == 3 && digits[0] == '1') return digits;
  if (!digits.empty() && digits[0] == '0') return "+31" + digits.substr(1);
  return "";
}

std::string DescribeSlots(const json& slots) {
  std::string text;
  for (const json& slot : slots) {
    std::string days;
    const json& list = Field(slot, "days");
    for (size_t i = 0; list.is_array() && i < list.size(); ++i)
      if (list[i].is_string()) days += (days.empty() ? "" : ",") + list[i].get<std::string>();
    text += (text.empty() ? "" : "; ") + days + " " + Str(slot, "opens") + "-" + Str(slot, "closes");
  }
  return text;
}

std::string Path(const std::string& base, const char* key) { return base + "." + key; }
std::string Path(const std::string& base, const char* key, size_t i) {
  return base + "." + key + "[" + std::to_string(i) + "]";
}

bool IsUuid(const std::string& text) {
  return IsLowercaseUuid(text);
}

// "HH:MM" from "HH:MM" or "HH:MM:00"; empty when it is not a local time of day.
std::string LocalTime(const std::string& text) {
  std::string hhmm = text;
  if (text.size() == 8 && text.compare(5, 3, ":00") == 0) hhmm = text.substr(0, 5);
  return MinutesOfDay(hhmm) >= 0 ? hhmm : "";
}

// What the importer walks must be there: organisations, services and phones as lists of
// objects. Other problems of a draft (a missing text, a bad date) are left for the editor.
bool Navigable(const json& directory) {
  if (!Field(directory, "organizations").is_array()) return false;
  for (const json& org : directory["organizations"]) {
    if (!Field(org, "services").is_array()) return false;
    for (const json& service : org["services"]) {
      if (!Field(service, "phones").is_array()) return false;
      for (const json& phone : service["phones"])
        if (!phone.is_object()) return false;
    }
  }
  return true;
}

void AddTodo(json& org, const json& todo) {
  json& list = org["todo"];
  if (list.is_null()) list = json::array();
  if (list.is_array()) list.push_back(todo);
}

struct ParsedSchedule {
  std::string path;
  bool chat = false;
  json slot;  // {"days", "opens", "closes"}, or null when the schedule gives no times
  std::string description;
};

class Importer {
 public:
  Importer(const json& base, const std::string& lang, const std::string& date)
      : current_(base), lang_(lang), date_(date), today_(DayOf(date)) {}

  HsdsImportResult Run(const json& document);

 private:
  static json& OrgAt(json& d, size_t oi) { return d["organizations"][oi]; }
  static json& ServiceAt(json& d, size_t oi, size_t si) { return d["organizations"][oi]["services"][si]; }
  // Reading never changes current_ (a non-const operator[] would insert nulls). Navigable()
  // has made sure these exist.
  const json& Orgs() const { return current_.at("organizations"); }
  const json& OrgOf(size_t oi) const { return Orgs()[oi]; }
  const json& ServiceOf(size_t oi, size_t si) const { return OrgOf(oi).at("services")[si]; }
  const json& PhonesOf(size_t oi, size_t si) const { return ServiceOf(oi, si).at("phones"); }

  void ImportOrganization(const std::string& path, const json& item, size_t oi);
  void ImportWebsite(const std::string& path, const json& item, size_t oi);
  void ImportServices(const std::string& path, const json& item, size_t oi);
  void ImportService(const std::string& path, const json& item, size_t oi, size_t si);
  void ImportStatus(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label);
  void ImportPhones(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label);
  void ImportPhone(const std::string& path, const json& phone, size_t oi, size_t si, const std::string& label,
                   std::set<size_t>* matched);
  void ImportSchedules(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label);
  void ImportChat(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label,
                  const std::vector<ParsedSchedule>& entries, bool refused);
  void ImportLanguages(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label);
  void ImportArea(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label);

  std::optional<ParsedSchedule> ParseSchedule(const std::string& path, const json& entry);
  // The one description shared by `entries`; differing ones are refused.
  std::string SharedDescription(const std::vector<ParsedSchedule>& entries, const char* what);
  // A changed text is applied for lang_. With `provenance`, the text is part of that detail
  // (a phone's description or cost, a chat's description, a service's hours): the detail
  // then becomes unverified too.
  void ImportText(const std::string& path, const json& value, const Locate& text, const std::string& what,
                  const Locate& provenance = nullptr, const char* unverified = kUnverified);
  void RefuseLocations(const std::string& path, const json& list);
  void RefuseUnkept(const std::string& path, const json& item, const std::set<std::string>& read, const char* what);

  // Applies `apply` to a copy; keeps it when the directory stays valid, else refuses.
  void Propose(const std::string& path, const std::string& change, const std::function<void(json&)>& apply);
  void Refuse(const std::string& path, const std::string& reason) { refusals_.push_back({path, reason}); }

  // A new or changed detail: unverified, and nothing of the old source stays with it (a
  // changed number must not look checked against a page that showed the old one).
  void MarkImported(json& detail) const {
    if (!detail.is_object()) detail = json::object();
    for (const char* field : kSourceFields) detail.erase(field);
    detail["source"] = "HSDS import " + date_;
    detail["checked"] = date_;
    detail["verified"] = false;
  }
  // The facts of service `si` changed: its "facts" source is unverified (made when missing).
  static Locate FactsOf(size_t oi, size_t si) {
    return [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["facts"]; };
  }
  // Whether residents see `detail` of organisation `oi` on the import's date: what the
  // export gave them, so what a document that lacks it would remove.
  bool Seen(const json& detail, size_t oi) const { return ShownToResidents(detail, RecheckDays(OrgOf(oi)), today_); }
  json BothLanguages(const std::string& text) const { return {{"nl", text}, {"en", text}}; }
  // A note for the staff's list of work about a detail added from this document.
  json AddedTodo(const std::string& what_nl, const std::string& what_en, const json& service) const;
  bool IdInUse(const std::string& id) const;
  std::string OrgLabel(size_t oi) const { return Str(OrgOf(oi), "key"); }

  json current_;
  std::set<std::string> known_issues_;  // problems current_ has; a change may add none
  const std::string lang_;
  const std::string date_;
  const std::optional<int64_t> today_;  // date_ as a day, for what residents see
  std::vector<std::string> changes_;
  std::vector<HsdsRefusal> refusals_;
};

HsdsImportResult Importer::Run(const json& document) {
  if (!IsHsdsLanguage(lang_)) {
    Refuse("", "the document language must be nl or en (got \"" + lang_ + "\"); nothing was imported");
  } else if (!Navigable(current_)) {
    Refuse("", "the directory to import into is damaged (organisations, services or phones are not lists of "
               "objects); fix it first; nothing was imported");
  } else if (!document.is_array()) {
    Refuse("", "an HSDS document here is a JSON array of organizations, as `hulpwijzer directory export --format hsds` "
               "writes it; nothing was imported");
  } else {
    for (const Problem& issue : ValidateDirectory(current_)) known_issues_.insert(issue.ToString());
    std::set<size_t> seen;
    for (size_t i = 0; i < document.size(); ++i) {
      const std::string path = "[" + std::to_string(i) + "]";
      const json& item = document[i];
      if (!item.is_object()) {
        Refuse(path, "must be an HSDS organization (a JSON object); not imported");
        continue;
      }
      const std::string id = Str(item, "id");
      if (id.empty()) {
        Refuse(Path(path, "id"), "is missing; organisations are matched by their id; not imported");
        continue;
      }
      std::optional<size_t> oi;
      for (size_t o = 0; o < Orgs().size(); ++o)
        if (Str(Orgs()[o], "id") == id) oi = o;
      if (!oi) {
        const std::string name = Str(item, "name");
        Refuse(Path(path, "id"), "no organisation has the id \"" + id.substr(0, 80) + (id.size() > 80 ? "..." : "") + "\"" + (name.empty() ? "" : " (\"" + name + "\")") +
                                     "; the import only updates existing organisations: add new ones in the editor, "
                                     "where their key, category and texts in both languages are set");
        continue;
      }
      if (!seen.insert(*oi).second) {
        Refuse(path, "this organisation is in the document twice; only its first entry was read");
        continue;
      }
      ImportOrganization(path, item, *oi);
    }
  }
  return {std::move(current_), std::move(changes_), std::move(refusals_)};
}

void Importer::ImportOrganization(const std::string& path, const json& item, size_t oi) {
  const std::string label = OrgLabel(oi);
  ImportText(Path(path, "name"), Field(item, "name"), [oi](json& d) -> json& { return OrgAt(d, oi)["name"]; },
             label + ": name");
  ImportText(Path(path, "description"), Field(item, "description"),
             [oi](json& d) -> json& { return OrgAt(d, oi)["description"]; }, label + ": description");
  ImportWebsite(path, item, oi);
  ImportServices(path, item, oi);
  if (!IsEmptyValue(Field(item, "locations"))) RefuseLocations(Path(path, "locations"), item["locations"]);
  if (!IsEmptyValue(Field(item, "phones")))
    Refuse(Path(path, "phones"), "phones belong to a service here: put the number in one of the organisation's services; "
                                 "not imported");
  // attributes and metadata: the export's provenance (hsds.h); a check is never imported.
  RefuseUnkept(path, item, {"id", "name", "description", "website", "services", "locations", "phones", "attributes",
                            "metadata"},
               "an organisation");
}

void Importer::ImportWebsite(const std::string& path, const json& item, size_t oi) {
  const std::string where = Path(path, "website");
  const json base = Field(OrgOf(oi), "website");
  const std::string base_url = Str(base, "url");
  const json& value = Field(item, "website");
  if (IsEmptyValue(value)) {
    if (Seen(base, oi))
      Refuse(where, "the website " + base_url + " is not in the document; the import does not remove it: remove it in "
                    "the editor if it is wrong");
    return;
  }
  if (!value.is_string()) return Refuse(where, "must be a web address; not imported");
  const std::string url = value.get<std::string>();
  if (url.rfind("https://", 0) != 0)
    return Refuse(where, "only https addresses are published (got \"" + url + "\"); not imported");
  if (url == base_url) return;
  const std::string change = OrgLabel(oi) + ": website " + (base.is_null() ? url + " added" : "changed to " + url);
  Propose(where, change + kUnverified, [&](json& d) {
    json website = {{"url", url}};
    MarkImported(website);
    OrgAt(d, oi)["website"] = website;
  });
}

void Importer::ImportServices(const std::string& path, const json& item, size_t oi) {
  const std::string where = Path(path, "services");
  const json& services = Field(item, "services");
  if (!IsEmptyValue(services) && !services.is_array()) return Refuse(where, "must be a list of services; not imported");
  std::set<size_t> seen;
  // Re-read after every change: a kept change replaces current_.
  auto ours = [&]() -> const json& { return OrgOf(oi).at("services"); };
  for (size_t j = 0; services.is_array() && j < services.size(); ++j) {
    const std::string sp = Path(path, "services", j);
    const json& service = services[j];
    if (!service.is_object()) {
      Refuse(sp, "must be an HSDS service (a JSON object); not imported");
      continue;
    }
    const std::string id = Str(service, "id");
    if (id.empty()) {
      Refuse(Path(sp, "id"), "is missing; services are matched by their id; not imported");
      continue;
    }
    std::optional<size_t> si;
    for (size_t s = 0; s < ours().size(); ++s)
      if (Str(ours()[s], "id") == id) si = s;
    if (!si) {
      std::string owner;
      for (const json& org : Orgs())
        for (const json& other : org.at("services"))
          if (Str(other, "id") == id) owner = Str(org, "key");
      Refuse(Path(sp, "id"), owner.empty()
                                 ? "no service of \"" + OrgLabel(oi) + "\" has the id \"" + id +
                                       "\"; the import only updates existing services: add new ones in the editor, "
                                       "where their topics, audience and texts in both languages are set"
                                 : "this service belongs to the organisation \"" + owner +
                                       "\"; services are moved in the editor; not imported");
      continue;
    }
    if (!seen.insert(*si).second) {
      Refuse(sp, "this service is in the document twice; only its first entry was read");
      continue;
    }
    ImportService(sp, service, oi, *si);
  }
  for (size_t s = 0; s < ours().size(); ++s) {
    if (seen.count(s) || Str(ours()[s], "status") != "active") continue;
    Refuse(where, "the service \"" + In(Field(ours()[s], "name"), lang_) +
                      "\" is not in the document; the import does not remove services: make it inactive in the editor "
                      "if it should go");
  }
}

void Importer::ImportService(const std::string& path, const json& item, size_t oi, size_t si) {
  const std::string label =
      OrgLabel(oi) + ", service \"" + In(Field(ServiceOf(oi, si), "name"), lang_) + "\"";
  ImportText(Path(path, "name"), Field(item, "name"), [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["name"]; },
             label + ": name");
  ImportText(Path(path, "description"), Field(item, "description"),
             [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["description"]; }, label + ": description");
  ImportStatus(path, item, oi, si, label);
  const json& organization_id = Field(item, "organization_id");
  if (!IsEmptyValue(organization_id) && organization_id != Field(OrgOf(oi), "id"))
    Refuse(Path(path, "organization_id"), "is not the organisation this service is listed under; services are moved in "
                                          "the editor; not imported");
  ImportPhones(path, item, oi, si, label);
  ImportSchedules(path, item, oi, si, label);
  ImportLanguages(path, item, oi, si, label);
  ImportArea(path, item, oi, si, label);
  if (!IsEmptyValue(Field(item, "service_at_locations")))
    RefuseLocations(Path(path, "service_at_locations"), item["service_at_locations"]);
  // Derived by the export, so not read back: organization_id, fees_description (the
  // phones' costs), assured_date, last_modified, the nested organization, and the
  // provenance in attributes and metadata (an import never carries a check in).
  RefuseUnkept(path, item,
               {"id", "organization_id", "name", "description", "status", "url", "phones", "schedules", "languages",
                "service_areas", "service_at_locations", "fees_description", "assured_date", "last_modified",
                "organization", "attributes", "metadata"},
               "a service");
}

void Importer::ImportStatus(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label) {
  const json& status = Field(item, "status");
  if (IsEmptyValue(status)) return;
  if (status != "active" && status != "inactive")
    return Refuse(Path(path, "status"), "Hulpwijzer knows the statuses active and inactive only (got " + status.dump() +
                                            "); not imported");
  if (status == Field(ServiceOf(oi, si), "status")) return;
  const std::string value = status.get<std::string>();
  Propose(Path(path, "status"),
          label + ": status changed to " + value +
              (value == "inactive" ? " (residents no longer see it)" : " (residents see it again)"),
          [&](json& d) { ServiceAt(d, oi, si)["status"] = value; });
}

void Importer::ImportPhones(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label) {
  const std::string where = Path(path, "phones");
  const json& phones = Field(item, "phones");
  if (!IsEmptyValue(phones) && !phones.is_array()) return Refuse(where, "must be a list of phones; not imported");
  const size_t original = PhonesOf(oi, si).size();
  std::set<size_t> matched;
  for (size_t k = 0; phones.is_array() && k < phones.size(); ++k)
    ImportPhone(Path(path, "phones", k), phones[k], oi, si, label, &matched);
  const json& ours = PhonesOf(oi, si);
  for (size_t b = 0; b < original; ++b) {
    if (matched.count(b) || !Seen(ours[b], oi)) continue;
    Refuse(where, "the phone " + Str(ours[b], "number") +
                      " is not in the document; the import does not remove phones: remove it in the editor if it is "
                      "wrong");
  }
}

void Importer::ImportPhone(const std::string& pp, const json& phone, size_t oi, size_t si, const std::string& label,
                           std::set<size_t>* matched) {
  if (!phone.is_object()) return Refuse(pp, "must be an HSDS phone (a JSON object); not imported");
  // Matched by id first, before anything can be refused: a refused entry for a phone we
  // have is not a removal of that phone.
  std::optional<size_t> pi;
  const std::string id = Str(phone, "id");
  {
    const json& ours = PhonesOf(oi, si);
    for (size_t b = 0; b < ours.size() && !id.empty(); ++b)
      if (Str(ours[b], "id") == id) pi = b;
    if (pi && !matched->insert(*pi).second)
      return Refuse(pp, "this phone is in the document twice; only its first entry was read");
  }
  const json& number_value = Field(phone, "number");
  if (!number_value.is_string() || IsEmptyValue(number_value)) return Refuse(Path(pp, "number"), "is missing; not imported");
  const std::string number = number_value.get<std::string>();
  const std::string tel = TelFor(number);
  if (const auto problem = CheckDutchPhone(number, tel))
    return Refuse(Path(pp, "number"), problem->message + "; write the number as it is dialled in the Netherlands, like 0800-2000 "
                                                "or 112; not imported");
  if (!IsEmptyValue(Field(phone, "extension")))
    return Refuse(Path(pp, "extension"), "a tel: link cannot dial an extension; publish a direct number; not imported");
  std::string type;
  const json& type_value = Field(phone, "type");
  if (!IsEmptyValue(type_value)) {
    if (type_value != "voice" && type_value != "text")
      return Refuse(Path(pp, "type"), "Hulpwijzer lists voice numbers and text (SMS) numbers only (got " +
                                          type_value.dump() + "); not imported");
    type = type_value.get<std::string>();
  }
  RefuseUnkept(pp, phone,
               {"id", "service_id", "organization_id", "number", "type", "description", "extension", "attributes", "metadata"},
               "a phone");
  std::optional<std::string> description, cost;
  const json& description_value = Field(phone, "description");
  if (!IsEmptyValue(description_value)) {
    if (!description_value.is_string()) return Refuse(Path(pp, "description"), "must be text; not imported");
    const std::string text = description_value.get<std::string>();
    const std::string cost_label = HsdsCostLabel(lang_);
    const size_t at = text.rfind(cost_label);
    description = at == std::string::npos ? text : text.substr(0, at);
    if (at != std::string::npos) cost = text.substr(at + cost_label.size());
  }

  const json& ours = PhonesOf(oi, si);
  if (!pi) {
    for (size_t b = 0; b < ours.size() && !pi; ++b)
      if (Str(ours[b], "tel") == tel) pi = b;
    if (pi && !matched->insert(*pi).second)
      return Refuse(pp, "this phone is in the document twice; only its first entry was read");
  }

  if (!pi) {  // a new phone
    if (!description || !cost || description->empty() || cost->empty())
      return Refuse(Path(pp, "description"), "a new phone needs a description ending in \"" + HsdsCostLabel(lang_).substr(1) +
                                                 "...\" that says what a call costs; not imported");
    const json& service = ServiceOf(oi, si);
    std::string new_id = IsUuid(id) && !IdInUse(id) ? id : crypto::DerivedUuid(Str(service, "id"), "phone/" + tel);
    json added = {{"id", new_id},
                  {"number", number},
                  {"tel", tel},
                  {"type", type.empty() ? "voice" : type},
                  {"description", BothLanguages(*description)},
                  {"cost", BothLanguages(*cost)}};
    MarkImported(added);
    const json todo = AddedTodo("telefoonnummer " + number, "phone number " + number, service);
    const size_t index = ours.size();
    Propose(pp, label + ": phone " + number + " added" + kUnverified, [&](json& d) {
      ServiceAt(d, oi, si)["phones"].push_back(added);
      AddTodo(OrgAt(d, oi), todo);
    });
    if (PhonesOf(oi, si).size() > index) matched->insert(index);
    return;
  }

  const size_t p = *pi;
  const json base = ours[p];
  const std::string base_number = Str(base, "number");
  const std::string new_type = type.empty() ? Str(base, "type") : type;
  if (tel != Str(base, "tel") || new_type != Str(base, "type")) {
    const std::string change = label + ": phone " + base_number + " changed to " + number +
                               (new_type != Str(base, "type") ? " (" + new_type + ")" : "") + kUnverified;
    Propose(pp, change, [&](json& d) {
      json& ph = ServiceAt(d, oi, si)["phones"][p];
      ph["number"] = number;
      ph["tel"] = tel;
      ph["type"] = new_type;
      MarkImported(ph);
    });
  } else if (number != base_number) {
    // The same digits, but residents read another text than the source showed.
    Propose(Path(pp, "number"), label + ": phone " + base_number + " is now written " + number + kUnverified,
            [&](json& d) {
              json& ph = ServiceAt(d, oi, si)["phones"][p];
              ph["number"] = number;
              MarkImported(ph);
            });
  }
  // What the phone's texts say (when it answers, what a call costs) was checked with its
  // source too: a changed text waits for a check like a changed number.
  const Locate this_phone = [oi, si, p](json& d) -> json& { return ServiceAt(d, oi, si)["phones"][p]; };
  if (description)
    ImportText(Path(pp, "description"), *description,
               [oi, si, p](json& d) -> json& { return ServiceAt(d, oi, si)["phones"][p]["description"]; },
               label + ": description of phone " + number, this_phone);
  if (cost)
    ImportText(Path(pp, "description"), *cost,
               [oi, si, p](json& d) -> json& { return ServiceAt(d, oi, si)["phones"][p]["cost"]; },
               label + ": cost of phone " + number, this_phone);
}

std::optional<ParsedSchedule> Importer::ParseSchedule(const std::string& path, const json& entry) {
  if (!entry.is_object()) {
    Refuse(path, "must be an HSDS schedule (a JSON object); not imported");
    return std::nullopt;
  }
  ParsedSchedule parsed;
  parsed.path = path;
  const json& attending = Field(entry, "attending_type");
  if (!IsEmptyValue(attending) && attending != "virtual") {
    Refuse(Path(path, "attending_type"), "Hulpwijzer keeps phone hours (no attending_type) and chat hours (attending_type "
                                         "\"virtual\") only (got " + attending.dump() + "); not imported");
    return std::nullopt;
  }
  parsed.chat = attending == "virtual";
  // Ids, service_id and notes are derived by the export; wkst means nothing for weekly hours.
  static const std::set<std::string> kRead = {"id", "service_id", "freq", "byday", "opens_at", "closes_at", "description",
                                              "attending_type", "notes", "wkst", "interval"};
  for (auto it = entry.begin(); it != entry.end(); ++it) {
    if (kRead.count(it.key()) || IsEmptyValue(it.value())) continue;
    Refuse(Path(path, it.key().c_str()),
           it.key() == "timezone"
               ? "times here are local Dutch time (Europe/Amsterdam); a fixed UTC offset cannot follow summer time, so "
                 "this schedule was not imported"
               : "Hulpwijzer keeps weekly hours in local Dutch time only, so a schedule with \"" + it.key() +
                     "\" was not imported");
    return std::nullopt;
  }
  const json& interval = Field(entry, "interval");
  if (!IsEmptyValue(interval) && interval != 1) {
    Refuse(Path(path, "interval"), "only hours that repeat every week can be imported; not imported");
    return std::nullopt;
  }
  const json& description = Field(entry, "description");
  if (!IsEmptyValue(description)) {
    if (!description.is_string()) {
      Refuse(Path(path, "description"), "must be text; not imported");
      return std::nullopt;
    }
    parsed.description = description.get<std::string>();
  }
  const bool timed = !IsEmptyValue(Field(entry, "freq")) || !IsEmptyValue(Field(entry, "byday")) ||
                     !IsEmptyValue(Field(entry, "opens_at")) || !IsEmptyValue(Field(entry, "closes_at"));
  if (!timed) return parsed;
  if (Field(entry, "freq") != "WEEKLY") {
    Refuse(Path(path, "freq"), "only weekly hours (freq \"WEEKLY\" with byday, opens_at and closes_at) can be imported; "
                               "not imported");
    return std::nullopt;
  }
  json days = json::array();
  const std::string byday = Str(entry, "byday");
  static const std::set<std::string> kDays = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  size_t start = 0;
  while (!byday.empty() && start <= byday.size()) {
    const size_t comma = std::min(byday.find(',', start), byday.size());
    std::string day = byday.substr(start, comma - start);
    day.erase(0, day.find_first_not_of(' '));
    day.erase(day.find_last_not_of(' ') + 1);
    if (!kDays.count(day)) {
      days = json::array();
      break;
    }
    days.push_back(day);
    start = comma + 1;
  }
  if (days.empty()) {
    Refuse(Path(path, "byday"), "must list days as MO,TU,WE,TH,FR,SA,SU (got \"" + byday + "\"); not imported");
    return std::nullopt;
  }
  const std::string opens = LocalTime(Str(entry, "opens_at"));
  const std::string closes = LocalTime(Str(entry, "closes_at"));
  for (const auto& [key, value] : {std::pair{"opens_at", opens}, std::pair{"closes_at", closes}}) {
    if (!value.empty()) continue;
    Refuse(Path(path, key), "must be a local Dutch time (Europe/Amsterdam) written HH:MM, without a UTC offset (got " +
                                Field(entry, key).dump() + "); not imported");
    return std::nullopt;
  }
  parsed.slot = {{"days", days}, {"opens", opens}, {"closes", closes}};
  return parsed;
}

std::string Importer::SharedDescription(const std::vector<ParsedSchedule>& entries, const char* what) {
  std::string shared;
  for (const ParsedSchedule& entry : entries) {
    if (entry.description.empty()) continue;
    if (shared.empty()) shared = entry.description;
    else if (entry.description != shared)
      Refuse(Path(entry.path, "description"), std::string("the ") + what +
                                                  " schedules of a service share one description; this one differs "
                                                  "from the first and was not read");
  }
  return shared;
}

void Importer::ImportSchedules(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label) {
  const json& schedules = Field(item, "schedules");
  if (!IsEmptyValue(schedules) && !schedules.is_array())
    return Refuse(Path(path, "schedules"), "must be a list of schedules; not imported");
  std::vector<ParsedSchedule> phone, chat;
  bool phone_refused = false, chat_refused = false;
  for (size_t k = 0; schedules.is_array() && k < schedules.size(); ++k) {
    auto parsed = ParseSchedule(Path(path, "schedules", k), schedules[k]);
    if (parsed) (parsed->chat ? chat : phone).push_back(std::move(*parsed));
    else (Field(schedules[k], "attending_type") == "virtual" ? chat_refused : phone_refused) = true;
  }

  // Phone hours: the slots, and the service's hours text as their shared description.
  const std::string hours = SharedDescription(phone, "phone-hours");
  if (!hours.empty())
    ImportText(Path(path, "schedules"), hours, [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["hours"]; },
               label + ": hours text", FactsOf(oi, si), kFactsUnverified);
  json slots = json::array();
  for (const ParsedSchedule& entry : phone)
    if (!entry.slot.is_null()) slots.push_back(entry.slot);
  const json base = ServiceOf(oi, si);
  if (!phone_refused && !slots.empty() && slots != Field(base, "schedule")) {
    Propose(Path(path, "schedules"), label + ": phone hours changed to " + DescribeSlots(slots) + kFactsUnverified,
            [&](json& d) {
              ServiceAt(d, oi, si)["schedule"] = slots;
              MarkImported(FactsOf(oi, si)(d));
            });
  } else if (!phone_refused && slots.empty() && HasSlots(base, "schedule") && Seen(Field(base, "facts"), oi)) {
    // Hours residents do not see (their facts are unverified) were not exported either.
    Refuse(Path(path, "schedules"), "the phone hours (" + DescribeSlots(Field(base, "schedule")) +
                                        ") are not in the document; the import does not remove them: remove them in "
                                        "the editor if they are wrong");
  }
  ImportChat(path, item, oi, si, label, chat, chat_refused);
}

void Importer::ImportChat(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label,
                          const std::vector<ParsedSchedule>& entries, bool refused) {
  const json base = Field(ServiceOf(oi, si), "chat");
  if (!base.is_null() && !base.is_object())
    return Refuse(Path(path, "url"), "the chat of this service in the directory is damaged; fix it in the editor first; "
                                     "not imported");
  const std::string base_url = Str(base, "url");
  const json& url_value = Field(item, "url");
  std::string url;
  if (!IsEmptyValue(url_value)) {
    if (!url_value.is_string()) return Refuse(Path(path, "url"), "must be a web address; not imported");
    url = url_value.get<std::string>();
    if (url.rfind("https://", 0) != 0)
      return Refuse(Path(path, "url"), "only https addresses are published (got \"" + url +
                                           "\"); the service url is the chat's address; not imported");
  }
  if (url.empty()) {
    for (const ParsedSchedule& entry : entries)
      Refuse(entry.path, "a chat schedule (attending_type \"virtual\") needs the chat's address in the service url; "
                         "not imported");
    if (Seen(base, oi))
      Refuse(Path(path, "url"), "the chat " + base_url + " is not in the document; the import does not remove it: "
                                "remove it in the editor if it is wrong");
    return;
  }
  const std::string description = SharedDescription(entries, "chat");
  json slots = json::array();
  for (const ParsedSchedule& entry : entries)
    if (!entry.slot.is_null()) slots.push_back(entry.slot);

  if (base.is_null()) {
    if (refused) return Refuse(Path(path, "url"), "the new chat was not added because one of its schedules was refused");
    if (description.empty())
      return Refuse(Path(path, "url"), "the service url is read as a chat address, and this service has no chat yet: a "
                                       "new chat also needs a schedule with attending_type \"virtual\" and a "
                                       "description; not imported");
    json chat = {{"url", url}, {"description", BothLanguages(description)}};
    if (!slots.empty()) chat["schedule"] = slots;
    MarkImported(chat);
    const json todo = AddedTodo("chat " + url, "chat " + url, ServiceOf(oi, si));
    Propose(Path(path, "url"), label + ": chat " + url + " added" + kUnverified, [&](json& d) {
      ServiceAt(d, oi, si)["chat"] = chat;
      AddTodo(OrgAt(d, oi), todo);
    });
    return;
  }
  if (url != base_url)
    Propose(Path(path, "url"), label + ": chat address changed to " + url + kUnverified, [&](json& d) {
      json& chat = ServiceAt(d, oi, si)["chat"];
      chat["url"] = url;
      MarkImported(chat);
    });
  if (!description.empty())
    ImportText(Path(path, "schedules"), description,
               [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["chat"]["description"]; },
               label + ": chat description",
               [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["chat"]; });
  if (refused) return;
  if (!slots.empty() && slots != Field(base, "schedule")) {
    Propose(Path(path, "schedules"), label + ": chat hours changed to " + DescribeSlots(slots) + kUnverified,
            [&](json& d) {
              json& chat = ServiceAt(d, oi, si)["chat"];
              chat["schedule"] = slots;
              chat.erase("usually");  // its source said so of the old hours
              MarkImported(chat);
            });
  } else if (slots.empty() && HasSlots(base, "schedule")) {
    Refuse(Path(path, "schedules"), "the chat hours (" + DescribeSlots(Field(base, "schedule")) +
                                        ") are not in the document; the import does not remove them: remove them in "
                                        "the editor if they are wrong");
  }
}

void Importer::ImportLanguages(const std::string& path, const json& item, size_t oi, size_t si,
                               const std::string& label) {
  const json& list = Field(item, "languages");
  if (IsEmptyValue(list)) return;
  if (!list.is_array()) return Refuse(Path(path, "languages"), "must be a list of languages; not imported");
  json codes = json::array();
  bool readable = true;
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string lp = Path(path, "languages", k);
    const std::string code = Str(list[k], "code");
    if (!IsLanguageCode(code)) {
      Refuse(Path(lp, "code"), "must be a two-letter ISO 639-1 code such as \"nl\" (got " + Field(list[k], "code").dump() +
                                   "); the languages were not changed");
      readable = false;
      continue;
    }
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
      Refuse(lp, "\"" + code + "\" is listed twice; read once");
      continue;
    }
    // The name is derived from the code by the export.
    RefuseUnkept(lp, list[k], {"id", "service_id", "code", "name"}, "a language");
    codes.push_back(code);
  }
  if (!readable || codes == Field(ServiceOf(oi, si), "languages")) return;
  std::string names;
  for (const json& code : codes) names += (names.empty() ? "" : ", ") + code.get<std::string>();
  Propose(Path(path, "languages"), label + ": languages changed to " + names + kFactsUnverified, [&](json& d) {
    ServiceAt(d, oi, si)["languages"] = codes;
    MarkImported(FactsOf(oi, si)(d));
  });
}

void Importer::ImportArea(const std::string& path, const json& item, size_t oi, size_t si, const std::string& label) {
  const json& list = Field(item, "service_areas");
  if (IsEmptyValue(list)) return;
  if (!list.is_array()) return Refuse(Path(path, "service_areas"), "must be a list of service areas; not imported");
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string ap = Path(path, "service_areas", k);
    if (k > 0) {
      Refuse(ap, "Hulpwijzer keeps one area text per service; only the first service area was read");
      continue;
    }
    if (!list[k].is_object()) {
      Refuse(ap, "must be an HSDS service area (a JSON object); not imported");
      continue;
    }
    ImportText(Path(ap, "name"), Field(list[k], "name"),
               [oi, si](json& d) -> json& { return ServiceAt(d, oi, si)["area"]; }, label + ": area");
    RefuseUnkept(ap, list[k], {"id", "service_id", "name"}, "a service area");
  }
}

void Importer::ImportText(const std::string& path, const json& value, const Locate& text, const std::string& what,
                          const Locate& provenance, const char* unverified) {
  if (IsEmptyValue(value)) return;
  if (!value.is_string()) return Refuse(path, "must be text; not imported");
  const std::string v = value.get<std::string>();
  json probe = current_;  // the locator may create what is missing; never in current_ itself
  const json& now = text(probe);
  if (!now.is_null() && !now.is_object())
    return Refuse(path, "this text is damaged in the directory; fix it in the editor first; not imported");
  if (In(now, lang_) == v) return;
  Propose(path, what + " (" + lang_ + ") changed" + (provenance ? unverified : ""), [&](json& d) {
    text(d)[lang_] = v;
    if (provenance) MarkImported(provenance(d));
  });
}

void Importer::RefuseLocations(const std::string& path, const json& list) {
  if (!list.is_array()) return Refuse(path, kAddressReason);
  for (size_t k = 0; k < list.size(); ++k) {
    const json& entry = list[k];
    const json& location = Field(entry, "location").is_object() ? entry["location"] : entry;
    const bool virtual_only = Str(location, "location_type") == "virtual" &&
                              IsEmptyValue(Field(location, "addresses")) && Field(location, "latitude").is_null() &&
                              Field(location, "longitude").is_null();
    Refuse(path + "[" + std::to_string(k) + "]",
           virtual_only ? "virtual locations are not read: a chat is the service url with schedules whose attending_type "
                          "is \"virtual\"; not imported"
                        : kAddressReason);
  }
}

void Importer::RefuseUnkept(const std::string& path, const json& item, const std::set<std::string>& read,
                            const char* what) {
  if (!item.is_object()) return;
  for (auto it = item.begin(); it != item.end(); ++it) {
    if (read.count(it.key()) || IsEmptyValue(it.value())) continue;
    Refuse(Path(path, it.key().c_str()),
           "Hulpwijzer does not keep \"" + it.key() + "\" for " + what + "; not imported");
  }
}

void Importer::Propose(const std::string& path, const std::string& change, const std::function<void(json&)>& apply) {
  json next = current_;
  apply(next);
  std::set<std::string> after;
  std::string added;
  for (const Problem& issue : ValidateDirectory(next)) {
    if (!known_issues_.count(issue.ToString()))
      added += (added.empty() ? "" : "; ") + (issue.field.empty() ? "" : issue.field + ": ") + issue.message;
    after.insert(issue.ToString());
  }
  if (!added.empty()) return Refuse(path, "not imported, because the directory would not be valid: " + added);
  current_ = std::move(next);
  known_issues_ = std::move(after);
  changes_.push_back(change);
}

json Importer::AddedTodo(const std::string& what_nl, const std::string& what_en, const json& service) const {
  const bool from_dutch = lang_ == "nl";
  const json& name = Field(service, "name");
  return {{"nl", "HSDS-import " + date_ + ": " + what_nl + " toegevoegd aan \"" + In(name, "nl") + "\" uit het " +
                     (from_dutch ? "Nederlandse" : "Engelse") + " document. Controleer het, zet het dan op gecontroleerd, "
                     "en schrijf de " + (from_dutch ? "Engelse" : "Nederlandse") + " tekst."},
          {"en", "HSDS import " + date_ + ": " + what_en + " added to \"" + In(name, "en") + "\" from the " +
                     (from_dutch ? "Dutch" : "English") + " document. Check it, then mark it verified, and write the " +
                     (from_dutch ? "English" : "Dutch") + " text."}};
}

bool Importer::IdInUse(const std::string& id) const {
  for (const json& org : Orgs()) {
    if (Str(org, "id") == id) return true;
    for (const json& service : org.at("services")) {
      if (Str(service, "id") == id) return true;
      for (const json& phone : service.at("phones"))
        if (Str(phone, "id") == id) return true;
    }
  }
  return false;
}

}  // namespace

HsdsImportResult ImportHsds(const json& hsds_document, const json& base_directory, const std::string& lang,
                            const std::string& date) {
  return Importer(base_directory, lang, date.empty() ? Today() : date).Run(hsds_document);
}

}  // namespace hw::domain

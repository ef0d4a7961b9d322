#include "domain/directory_validator.h"

#include <set>

#include "domain/json_checker.h"
#include "domain/phone_number.h"
#include "domain/schedule.h"
#include "domain/text_shape.h"

namespace hw::domain {
namespace {

using nlohmann::json;

const std::set<std::string> kCategories = {"emergency", "domestic-violence", "sexual-violence",
                                           "victim-support", "professional", "programme"};
const std::set<std::string> kTopics = {"sexual", "partner", "control", "stalking", "honour", "images",
                                       "crime", "suicide", "own_behaviour", "knowledge"};
const std::set<std::string> kAudiences = {"self", "other", "own_behaviour", "professional"};

void CheckProvenance(JsonChecker& c, const json& detail) {
  c.String(detail, "source");
  c.IsoDate(detail, "checked");
  c.Bool(detail, "verified");
}

void CheckEnumList(JsonChecker& c, const json& parent, const char* key, const std::set<std::string>& values) {
  if (!c.Array(parent, key)) return;
  c.WithField(key, [&] {
    std::set<std::string> seen;
    for (size_t i = 0; i < parent[key].size(); ++i) {
      const json& item = parent[key][i];
      const std::string where = "[" + std::to_string(i) + "]";
      if (!item.is_string() || !values.count(item.get<std::string>())) {
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
        c.Fail("must be one of: " + list, where);
      } else if (!seen.insert(item.get<std::string>()).second) {
        c.Fail("\"" + item.get<std::string>() + "\" is listed twice", where);
      }
    }
  });
}

void CheckSchedule(JsonChecker& c, const json& parent, const char* key) {
  if (!c.Array(parent, key, /*required=*/false)) return;
  c.WithField(key, [&] {
    for (const std::string& problem : ScheduleProblems(parent[key])) c.Fail(problem);
  });
}

void CheckPhone(JsonChecker& c, const json& phone) {
  c.OnlyKeys(phone, {"id", "number", "tel", "type", "description", "cost", "source", "checked", "verified"});
  c.Uuid(phone, "id");
  c.OneOf(phone, "type", {"voice", "text"});
  c.Text(phone, "description");
  c.Text(phone, "cost");
  CheckProvenance(c, phone);
  if (c.String(phone, "number") && c.String(phone, "tel")) {
    const std::string problem = CheckDutchPhone(phone["number"].get<std::string>(), phone["tel"].get<std::string>());
    if (!problem.empty()) c.Fail(problem, "tel");
  }
}

void CheckChat(JsonChecker& c, const json& chat) {
  c.OnlyKeys(chat, {"url", "description", "schedule", "source", "checked", "verified"});
  c.HttpsUrl(chat, "url");
  c.Text(chat, "description");
  CheckSchedule(c, chat, "schedule");
  CheckProvenance(c, chat);
}

void CheckContactRequests(JsonChecker& c, const json& service) {
  if (!c.Object(service, "contact_requests")) return;
  c.WithField("contact_requests", [&] {
    const json& cr = service["contact_requests"];
    c.OnlyKeys(cr, {"accepted", "response_time"});
    if (c.Bool(cr, "accepted") && cr["accepted"].get<bool>()) {
      c.Text(cr, "response_time");
    } else {
      c.Text(cr, "response_time", /*required=*/false);
    }
  });
}

void CheckDayAndNight(JsonChecker& c, const json& service) {
  if (!service.contains("day_and_night") || !service["day_and_night"].is_boolean()) return;
  if (!service.contains("schedule") || !service["schedule"].is_array()) return;
  const bool always = CoversWholeWeek(service["schedule"]);
  if (service["day_and_night"].get<bool>() && !always) {
    c.Fail("says day and night, but the schedule does not cover every day from 00:00 to 23:59", "day_and_night");
  } else if (!service["day_and_night"].get<bool>() && always) {
    c.Fail("says not day and night, but the schedule covers every day from 00:00 to 23:59", "day_and_night");
  }
}

void CheckService(JsonChecker& c, const json& service) {
  c.OnlyKeys(service, {"id", "name", "description", "status", "topics", "audience", "free", "anonymous",
                       "day_and_night", "hours", "schedule", "phones", "chat", "languages", "area",
                       "contact_requests"});
  c.Uuid(service, "id");
  c.Text(service, "name");
  c.Text(service, "description");
  c.OneOf(service, "status", {"active", "inactive"});
  CheckEnumList(c, service, "topics", kTopics);
  CheckEnumList(c, service, "audience", kAudiences);
  // Optional on purpose: absent means "not known", and nothing is shown. A default of
  // false would tell residents something nobody verified ("not anonymous").
  c.Bool(service, "free", /*required=*/false);
  c.Bool(service, "anonymous", /*required=*/false);
  c.Bool(service, "day_and_night", /*required=*/false);
  c.Text(service, "hours");
  CheckSchedule(c, service, "schedule");
  CheckDayAndNight(c, service);
  if (c.Array(service, "phones", true, /*non_empty=*/false)) {
    for (size_t i = 0; i < service["phones"].size(); ++i) {
      c.WithField(Index("phones", i), [&] {
        if (service["phones"][i].is_object()) CheckPhone(c, service["phones"][i]);
        else c.Fail("must be an object");
      });
    }
  }
  if (c.Object(service, "chat", /*required=*/false)) c.WithField("chat", [&] { CheckChat(c, service["chat"]); });
  if (c.Array(service, "languages")) {
    for (size_t i = 0; i < service["languages"].size(); ++i) {
      const json& language = service["languages"][i];
      if (!language.is_string() || !IsLanguageCode(language.get<std::string>()))
        c.Fail("must be a two-letter language code such as \"nl\"", Index("languages", i));
    }
  }
  c.Text(service, "area");
  CheckContactRequests(c, service);
}

void CheckOrganization(JsonChecker& c, const json& org, std::set<std::string>& keys) {
  c.OnlyKeys(org, {"id", "key", "name", "description", "category", "website", "services", "todo"});
  c.Uuid(org, "id");
  c.Text(org, "name");
  c.Text(org, "description");
  c.OneOf(org, "category", kCategories);
  if (c.Object(org, "website", /*required=*/false)) {
    c.WithField("website", [&] {
      c.OnlyKeys(org["website"], {"url", "source", "checked", "verified"});
      c.HttpsUrl(org["website"], "url");
      CheckProvenance(c, org["website"]);
    });
  }
  if (c.Array(org, "services", true, /*non_empty=*/false)) {
    for (size_t i = 0; i < org["services"].size(); ++i) {
      c.WithField(Index("services", i), [&] {
        if (org["services"][i].is_object()) CheckService(c, org["services"][i]);
        else c.Fail("must be an object");
      });
    }
  }
  if (c.Array(org, "todo", /*required=*/false, /*non_empty=*/false)) {
    for (size_t i = 0; i < org["todo"].size(); ++i) {
      c.WithField(Index("todo", i), [&] {
        if (!org["todo"][i].is_object()) return c.Fail("must be a text with nl and en");
        c.OnlyKeys(org["todo"][i], {"nl", "en"});
        c.String(org["todo"][i], "nl");
        c.String(org["todo"][i], "en");
      });
    }
  }
  (void)keys;
}

std::string EntryName(const json& org, size_t i) {
  if (org.is_object() && org.contains("key") && org["key"].is_string())
    return "organization \"" + org["key"].get<std::string>() + "\" (organizations[" + std::to_string(i) + "])";
  return "organizations[" + std::to_string(i) + "]";
}

}  // namespace

ValidationIssues ValidateDirectory(const json& directory, const std::string& file) {
  JsonChecker c(file);
  if (!directory.is_object()) {
    c.Fail("the document must be a JSON object with \"format\" and \"organizations\"");
    return c.issues();
  }
  c.OnlyKeys(directory, {"format", "organizations"});
  if (c.Integer(directory, "format", 1, 1) && !c.Array(directory, "organizations")) return c.issues();
  if (!directory.contains("organizations") || !directory["organizations"].is_array()) return c.issues();

  std::set<std::string> keys;
  const json& orgs = directory["organizations"];
  for (size_t i = 0; i < orgs.size(); ++i) {
    c.WithEntry(EntryName(orgs[i], i), [&] {
      if (!orgs[i].is_object()) return c.Fail("must be an object");
      if (c.String(orgs[i], "key")) {
        const std::string key = orgs[i]["key"].get<std::string>();
        if (!IsSlug(key)) c.Fail("must be lowercase letters, digits and single hyphens", "key");
        else if (!keys.insert(key).second) c.Fail("\"" + key + "\" is used by another organisation", "key");
      }
      CheckOrganization(c, orgs[i], keys);
    });
  }
  return c.issues();
}

}  // namespace hw::domain

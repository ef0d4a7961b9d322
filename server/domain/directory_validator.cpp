#include "domain/directory_validator.h"

#include <set>

#include "domain/amsterdam_time.h"
#include "domain/json_checker.h"
#include "domain/phone_number.h"
#include "domain/schedule.h"
#include "domain/text_shape.h"
#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

// "2021", "2021-02" or "2021-02-11".
bool IsSourceDate(const std::string& text) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
    return true;
  };
  if (text.size() == 4) return digits(0, 4);
  if (text.size() == 7) return digits(0, 4) && text[4] == '-' && digits(5, 2) && text.substr(5, 2) >= "01" && text.substr(5, 2) <= "12";
  int64_t days = 0;
  return text.size() == 10 && ParseIsoDate(text, &days);
}

using nlohmann::json;

// The words of domain/vocabulary.h, as sets (messages list them in this order).
struct VocabularySets {
  std::set<std::string> categories, topics, audiences;
};

const VocabularySets& Words() {
  static const VocabularySets sets = [] {
    const Vocabulary& v = EmbeddedVocabulary();
    return VocabularySets{{v.categories.begin(), v.categories.end()},
                          {v.topics.begin(), v.topics.end()},
                          {v.audiences.begin(), v.audiences.end()}};
  }();
  return sets;
}

// Where a fact was seen and when a person last checked it. What residents see must name
// its source: a verified detail needs an https source_url.
void CheckProvenance(JsonChecker& c, const json& detail) {
  c.String(detail, "source", /*required=*/false);
  c.String(detail, "checked_by", /*required=*/false);
  c.IsoDate(detail, "checked");
  const bool verified = c.Bool(detail, "verified") && detail["verified"].get<bool>();
  if (verified && !detail.contains("source_url"))
    c.Fail(ProblemCode::kVerifiedWithoutSource, "source_url");
  else if (detail.contains("source_url"))
    c.HttpsUrl(detail, "source_url");
  if (c.String(detail, "source_date", /*required=*/false) && !IsSourceDate(detail["source_date"].get<std::string>()))
    c.Fail(ProblemCode::kSourceDate, "source_date");
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
        c.Fail(MakeProblem(ProblemCode::kListNotOneOf, {{"allowed", list}}), where);
      } else if (!seen.insert(item.get<std::string>()).second) {
        c.Fail(MakeProblem(ProblemCode::kListedTwice, {{"value", Shortened(item.get<std::string>())}}), where);
      }
    }
  });
}

void CheckSchedule(JsonChecker& c, const json& parent, const char* key) {
  if (!c.Array(parent, key, /*required=*/false)) return;
  c.WithField(key, [&] {
    for (Problem& problem : ScheduleProblems(parent[key])) c.Fail(std::move(problem));
  });
}

void CheckPhone(JsonChecker& c, const json& phone) {
  c.OnlyKeys(phone, {"id", "number", "tel", "type", "description", "cost", "source", "source_url", "source_date",
                     "checked", "checked_by", "verified"});
  c.Uuid(phone, "id");
  c.OneOf(phone, "type", {"voice", "text"});
  c.Text(phone, "description");
  c.Text(phone, "cost");
  CheckProvenance(c, phone);
  if (c.String(phone, "number") && c.String(phone, "tel")) {
    auto problem = CheckDutchPhone(phone["number"].get<std::string>(), phone["tel"].get<std::string>());
    if (problem) c.Fail(std::move(*problem), "tel");
  }
}

void CheckChat(JsonChecker& c, const json& chat) {
  c.OnlyKeys(chat, {"url", "description", "usually", "schedule", "source", "source_url", "source_date", "checked",
                    "checked_by", "verified"});
  // "usually": the source says the chat is usually, not always, staffed at its hours.
  c.Bool(chat, "usually", /*required=*/false);
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
    c.Fail(ProblemCode::kDayAndNightNotCovered, "day_and_night");
  } else if (!service["day_and_night"].get<bool>() && always) {
    c.Fail(ProblemCode::kDayAndNightCovered, "day_and_night");
  }
}

// The facts of a service (hours, schedule, free, anonymous, day and night, languages) need
// a source of their own, in "facts"; without one residents are shown none of them.
void CheckFacts(JsonChecker& c, const json& service) {
  bool states_facts = false;
  for (const char* field : {"free", "anonymous", "day_and_night", "schedule", "languages"})
    states_facts = states_facts || service.contains(field);
  if (!service.contains("facts")) {
    if (states_facts) c.Fail(ProblemCode::kFactsWithoutSource, "facts");
    return;
  }
  if (!c.Object(service, "facts")) return;
  c.WithField("facts", [&] {
    c.OnlyKeys(service["facts"], {"source", "source_url", "source_date", "checked", "checked_by", "verified"});
    CheckProvenance(c, service["facts"]);
  });
}

void CheckService(JsonChecker& c, const json& service) {
  c.OnlyKeys(service, {"id", "name", "description", "status", "topics", "audience", "free", "anonymous",
                       "day_and_night", "hours", "schedule", "phones", "chat", "languages", "area",
                       "contact_requests", "facts"});
  c.Uuid(service, "id");
  c.Text(service, "name");
  c.Text(service, "description");
  c.OneOf(service, "status", {"active", "inactive"});
  CheckEnumList(c, service, "topics", Words().topics);
  CheckEnumList(c, service, "audience", Words().audiences);
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
        else c.Fail(ProblemCode::kNotObject);
      });
    }
  }
  if (c.Object(service, "chat", /*required=*/false)) c.WithField("chat", [&] { CheckChat(c, service["chat"]); });
  CheckFacts(c, service);
  if (c.Array(service, "languages", /*required=*/false)) {
    for (size_t i = 0; i < service["languages"].size(); ++i) {
      const json& language = service["languages"][i];
      if (!language.is_string() || !IsLanguageCode(language.get<std::string>()))
        c.Fail(ProblemCode::kNotLanguageCode, Index("languages", i));
    }
  }
  c.Text(service, "area");
  CheckContactRequests(c, service);
}

void CheckOrganization(JsonChecker& c, const json& org, std::set<std::string>& keys) {
  c.OnlyKeys(org, {"id", "key", "name", "description", "category", "crisis_line", "website", "services", "todo"});
  c.Bool(org, "crisis_line", /*required=*/false);  // re-checked every 30 days, not 180
  c.Uuid(org, "id");
  c.Text(org, "name");
  c.Text(org, "description");
  c.OneOf(org, "category", Words().categories);
  if (c.Object(org, "website", /*required=*/false)) {
    c.WithField("website", [&] {
      c.OnlyKeys(org["website"], {"url", "source", "source_url", "source_date", "checked", "checked_by", "verified"});
      c.HttpsUrl(org["website"], "url");
      CheckProvenance(c, org["website"]);
    });
  }
  if (c.Array(org, "services", true, /*non_empty=*/false)) {
    for (size_t i = 0; i < org["services"].size(); ++i) {
      c.WithField(Index("services", i), [&] {
        if (org["services"][i].is_object()) CheckService(c, org["services"][i]);
        else c.Fail(ProblemCode::kNotObject);
      });
    }
  }
  if (c.Array(org, "todo", /*required=*/false, /*non_empty=*/false)) {
    for (size_t i = 0; i < org["todo"].size(); ++i) {
      c.WithField(Index("todo", i), [&] {
        if (!org["todo"][i].is_object()) return c.Fail(ProblemCode::kTodoNotText);
        c.OnlyKeys(org["todo"][i], {"nl", "en"});
        c.String(org["todo"][i], "nl");
        c.String(org["todo"][i], "en");
      });
    }
  }
  (void)keys;
}

std::string KeyOf(const json& org) {
  return org.is_object() && org.contains("key") && org["key"].is_string() ? org["key"].get<std::string>() : "";
}

std::string EntryName(const json& org, size_t i) {
  if (org.is_object() && org.contains("key") && org["key"].is_string())
    return "organization \"" + org["key"].get<std::string>() + "\" (organizations[" + std::to_string(i) + "])";
  return "organizations[" + std::to_string(i) + "]";
}

}  // namespace

Problems ValidateDirectory(const json& directory, const std::string& file) {
  JsonChecker c(file);
  if (!directory.is_object()) {
    c.Fail(ProblemCode::kDirectoryShape);
    return c.issues();
  }
  c.OnlyKeys(directory, {"format", "organizations"});
  if (c.Integer(directory, "format", 1, 1) && !c.Array(directory, "organizations")) return c.issues();
  if (!directory.contains("organizations") || !directory["organizations"].is_array()) return c.issues();

  std::set<std::string> keys;
  const json& orgs = directory["organizations"];
  for (size_t i = 0; i < orgs.size(); ++i) {
    c.WithOrganization(EntryName(orgs[i], i), KeyOf(orgs[i]), static_cast<int>(i), [&] {
      if (!orgs[i].is_object()) return c.Fail(ProblemCode::kNotObject);
      if (c.String(orgs[i], "key")) {
        const std::string key = orgs[i]["key"].get<std::string>();
        if (!IsSlug(key)) c.Fail(ProblemCode::kNotSlug, "key");
        else if (!keys.insert(key).second) c.Fail(MakeProblem(ProblemCode::kKeyTaken, {{"key", Shortened(key)}}), "key");
      }
      CheckOrganization(c, orgs[i], keys);
    });
  }
  return c.issues();
}

}  // namespace hw::domain

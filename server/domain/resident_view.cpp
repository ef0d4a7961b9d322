#include "domain/resident_view.h"

#include "domain/directory_json.h"
#include "domain/freshness.h"

namespace hw::domain {
namespace {

using nlohmann::json;

// The service fields that state facts and so need the service's "facts" source.
constexpr const char* kFactFields[] = {"hours", "free", "anonymous", "day_and_night", "schedule", "languages"};

// Staff-only bookkeeping of a detail that residents do not need.
void StripBookkeeping(json& detail) { detail.erase("checked_by"); }

json ServiceView(const json& service, int recheck_days, std::optional<int64_t> today) {
  json s = service;
  json phones = json::array();
  for (const json& phone : service["phones"]) {
    if (!ShownToResidents(phone, recheck_days, today)) continue;
    phones.push_back(phone);
    StripBookkeeping(phones.back());
  }
  s["phones"] = std::move(phones);
  if (s.contains("chat")) {
    if (ShownToResidents(s["chat"], recheck_days, today)) StripBookkeeping(s["chat"]);
    else s.erase("chat");
  }
  if (!s.contains("facts") || !ShownToResidents(s["facts"], recheck_days, today)) {
    for (const char* field : kFactFields) s.erase(field);
    s.erase("facts");
  } else {
    StripBookkeeping(s["facts"]);
  }
  return s;
}

}  // namespace

bool ShownToResidents(const json& detail, int recheck_days, std::optional<int64_t> today) {
  if (!IsVerified(detail)) return false;
  if (!today) return true;
  const auto freshness = FreshnessOf(detail, recheck_days, *today);
  return freshness && !freshness->withdrawn;
}

json ResidentView(const json& directory, std::optional<int64_t> today) {
  json view = {{"format", directory.value("format", 1)}, {"organizations", json::array()}};
  for (const json& org : directory["organizations"]) {
    const int recheck_days = RecheckDays(org);
    json copy = org;
    copy.erase("todo");
    if (copy.contains("website")) {
      if (ShownToResidents(copy["website"], recheck_days, today)) StripBookkeeping(copy["website"]);
      else copy.erase("website");
    }
    json services = json::array();
    for (const json& service : org["services"])
      if (service.value("status", "") == "active") services.push_back(ServiceView(service, recheck_days, today));
    copy["services"] = std::move(services);
    view["organizations"].push_back(std::move(copy));
  }
  return view;
}

}  // namespace hw::domain

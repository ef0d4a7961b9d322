#include "domain/reachability.h"

#include "domain/schedule.h"

namespace hw::domain {
namespace {

using nlohmann::json;

int DayOf(const json& code) {
  for (int d = 0; d < 7; ++d)
    if (code.is_string() && code.get<std::string>() == DayCode(d)) return d;
  return -1;
}

bool HasSchedule(const json& parent) {
  return parent.contains("schedule") && parent["schedule"].is_array() && !parent["schedule"].empty();
}

}  // namespace

WeekMinutes ScheduleMinutes(const json& schedule) {
  WeekMinutes open;
  if (!schedule.is_array()) return open;
  for (const json& slot : schedule) {
    if (!slot.is_object() || !slot.contains("days") || !slot["days"].is_array()) continue;
    const int opens = MinutesOfDay(slot.value("opens", ""));
    const std::string closes_text = slot.value("closes", "");
    const int closes = closes_text == "23:59" ? kMinutesPerDay : MinutesOfDay(closes_text);
    if (opens < 0 || closes <= opens) continue;
    for (const json& code : slot["days"]) {
      const int day = DayOf(code);
      if (day < 0) continue;
      for (int m = opens; m < closes; ++m) open.set(day * kMinutesPerDay + m);
    }
  }
  return open;
}

WeekMinutes ReachableMinutes(const json& organization) {
  WeekMinutes reachable;
  if (!organization.contains("services") || !organization["services"].is_array()) return reachable;
  for (const json& service : organization["services"]) {
    if (!service.is_object() || service.value("status", "") != "active") continue;
    bool has_phone = false;  // a voice line: "text" is SMS, which nobody answers at once
    if (service.contains("phones") && service["phones"].is_array())
      for (const json& phone : service["phones"]) has_phone = has_phone || phone.value("type", "") == "voice";
    if (has_phone && HasSchedule(service)) reachable |= ScheduleMinutes(service["schedule"]);
    if (service.contains("chat") && service["chat"].is_object() && HasSchedule(service["chat"]))
      reachable |= ScheduleMinutes(service["chat"]["schedule"]);
  }
  return reachable;
}

bool ReachableAt(const json& organization, LocalMoment moment) {
  return ReachableMinutes(organization).test(moment.MinuteOfWeek());
}

}  // namespace hw::domain

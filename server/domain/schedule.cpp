#include "domain/schedule.h"

#include <array>
#include <cctype>

namespace hw::domain {
namespace {

using nlohmann::json;

const std::array<const char*, 7> kDays = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

int DayIndex(const json& day) {
  if (!day.is_string()) return -1;
  for (size_t i = 0; i < kDays.size(); ++i)
    if (day.get<std::string>() == kDays[i]) return static_cast<int>(i);
  return -1;
}

struct Slot {
  int day, opens, closes;
  size_t index;
};

// Valid slots of the schedule; problems with individual slots are appended to `problems`.
std::vector<Slot> Slots(const json& schedule, Problems* problems) {
  std::vector<Slot> slots;
  for (size_t i = 0; i < schedule.size(); ++i) {
    const json& slot = schedule[i];
    const int n = static_cast<int>(i + 1);
    const auto fail = [&](ProblemCode code, json params = json::object()) {
      params["slot"] = n;
      problems->push_back(MakeProblem(code, std::move(params)));
    };
    if (!slot.is_object()) {
      fail(ProblemCode::kSlotNotObject);
      continue;
    }
    for (auto it = slot.begin(); it != slot.end(); ++it) {
      if (it.key() != "days" && it.key() != "opens" && it.key() != "closes")
        fail(ProblemCode::kSlotUnknownField, {{"name", Shortened(it.key())}});
    }
    const int opens = slot.contains("opens") && slot["opens"].is_string() ? MinutesOfDay(slot["opens"]) : -1;
    const int closes = slot.contains("closes") && slot["closes"].is_string() ? MinutesOfDay(slot["closes"]) : -1;
    if (opens < 0) fail(ProblemCode::kSlotOpens);
    if (closes < 0) fail(ProblemCode::kSlotCloses);
    if (opens >= 0 && closes >= 0 && closes <= opens) fail(ProblemCode::kSlotOrder, {{"closes", slot["closes"]}, {"opens", slot["opens"]}});
    if (!slot.contains("days") || !slot["days"].is_array() || slot["days"].empty()) {
      fail(ProblemCode::kSlotDays);
      continue;
    }
    for (const json& day : slot["days"]) {
      const int d = DayIndex(day);
      if (d < 0) fail(ProblemCode::kSlotNotDay, {{"day", Shortened(day.dump())}});
      else if (opens >= 0 && closes > opens) slots.push_back({d, opens, closes, i});
    }
  }
  return slots;
}

}  // namespace

int MinutesOfDay(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(hhmm[i]))) return -1;
  const int hours = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int minutes = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (hours > 23 || minutes > 59) return -1;
  return hours * 60 + minutes;
}

Problems ScheduleProblems(const json& schedule) {
  Problems problems;
  if (!schedule.is_array()) return {MakeProblem(ProblemCode::kScheduleNotList)};
  const std::vector<Slot> slots = Slots(schedule, &problems);
  for (size_t a = 0; a < slots.size(); ++a) {
    for (size_t b = a + 1; b < slots.size(); ++b) {
      if (slots[a].day == slots[b].day && slots[a].opens < slots[b].closes && slots[b].opens < slots[a].closes) {
        problems.push_back(MakeProblem(ProblemCode::kSlotOverlap, {{"a", slots[a].index + 1},
                                                                   {"b", slots[b].index + 1},
                                                                   {"day", kDays[slots[a].day]}}));
      }
    }
  }
  return problems;
}

bool CoversWholeWeek(const json& schedule) {
  if (!schedule.is_array()) return false;
  Problems ignored;
  std::array<bool, 7> covered{};
  for (const Slot& slot : Slots(schedule, &ignored))
    if (slot.opens == 0 && slot.closes == 23 * 60 + 59) covered[slot.day] = true;
  for (bool day : covered)
    if (!day) return false;
  return true;
}

}  // namespace hw::domain

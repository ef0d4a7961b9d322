#include "domain/amsterdam_time.h"

#include <array>
#include <cstdio>

namespace hw::domain {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

struct Civil {
  int year, month, day;
};

// Howard Hinnant's civil_from_days, for the proleptic Gregorian calendar.
Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Monday = 0; 1970-01-01 was a Thursday (3).
int WeekdayOfDays(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

// 01:00 UTC on the last Sunday of `month` in `year`.
int64_t LastSundayOneUtc(int year, int month) {
  const int64_t first_of_next = month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1);
  int64_t day = first_of_next - 1;
  while (WeekdayOfDays(day) != 6) --day;
  return day * kSecondsPerDay + 3600;
}

int64_t LocalSeconds(int64_t unix_seconds) { return unix_seconds + AmsterdamOffsetSeconds(unix_seconds); }

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int AmsterdamOffsetSeconds(int64_t unix_seconds) {
  const int year = CivilFromDays(FloorDiv(unix_seconds, kSecondsPerDay)).year;
  const bool summer = unix_seconds >= LastSundayOneUtc(year, 3) && unix_seconds < LastSundayOneUtc(year, 10);
  return summer ? 7200 : 3600;
}

LocalMoment AmsterdamMoment(int64_t unix_seconds) {
  const int64_t local = LocalSeconds(unix_seconds);
  const int64_t days = FloorDiv(local, kSecondsPerDay);
  return {WeekdayOfDays(days), static_cast<int>((local - days * kSecondsPerDay) / 60)};
}

int64_t AmsterdamDay(int64_t unix_seconds) { return FloorDiv(LocalSeconds(unix_seconds), kSecondsPerDay); }

std::string AmsterdamDate(int64_t unix_seconds) { return IsoDateFromDays(AmsterdamDay(unix_seconds)); }

const char* DayCode(int day) {
  static const std::array<const char*, 7> kCodes = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  return day >= 0 && day < 7 ? kCodes[day] : "??";
}

std::string DescribeMinuteOfWeek(int minute_of_week) {
  char text[16];
  const int minute = minute_of_week % kMinutesPerDay;
  std::snprintf(text, sizeof text, "%s %02d:%02d", DayCode(minute_of_week / kMinutesPerDay), minute / 60, minute % 60);
  return text;
}

bool ParseIsoDate(const std::string& text, int64_t* days_since_epoch) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) return false;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const int64_t days = DaysFromCivil(year, month, day);
  const Civil back = CivilFromDays(days);
  if (back.year != year || back.month != month || back.day != day) return false;  // 2026-02-30
  *days_since_epoch = days;
  return true;
}

std::string IsoDateFromDays(int64_t days_since_epoch) {
  const Civil c = CivilFromDays(days_since_epoch);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", c.year, c.month, c.day);
  return text;
}

}  // namespace hw::domain

// Local time in Europe/Amsterdam, where every schedule in the directory is written. The
// rule is the EU's (since 1996): summer time (UTC+2) from the last Sunday of March, 01:00
// UTC, to the last Sunday of October, 01:00 UTC; otherwise UTC+1. Computed by hand so that
// the server needs no time zone database and never touches the process's TZ.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace hw::domain {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMinutesPerWeek = 7 * kMinutesPerDay;

// A moment of the local week: day 0 is Monday ("MO") ... 6 is Sunday ("SU").
struct LocalMoment {
  int day = 0;
  int minute = 0;  // of the day, 0..1439
  int MinuteOfWeek() const { return day * kMinutesPerDay + minute; }
};

// The local moment of the week at `unix_seconds`.
LocalMoment AmsterdamMoment(int64_t unix_seconds);
// The local calendar date at `unix_seconds`, as "YYYY-MM-DD".
std::string AmsterdamDate(int64_t unix_seconds);
// The local calendar day at `unix_seconds`, as days since 1970-01-01.
int64_t AmsterdamDay(int64_t unix_seconds);
// The UTC offset in seconds at `unix_seconds` (3600 or 7200).
int AmsterdamOffsetSeconds(int64_t unix_seconds);

// "MO".."SU" for day 0..6.
const char* DayCode(int day);
// "MO 23:10" for a minute of the week.
std::string DescribeMinuteOfWeek(int minute_of_week);

// Days since 1970-01-01 for a civil date, and back; and "YYYY-MM-DD" parsing (false when
// the text is not a real date).
int64_t DaysFromCivil(int year, int month, int day);
bool ParseIsoDate(const std::string& text, int64_t* days_since_epoch);
std::string IsoDateFromDays(int64_t days_since_epoch);

}  // namespace hw::domain

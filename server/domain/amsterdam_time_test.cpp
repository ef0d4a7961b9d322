#include "domain/amsterdam_time.h"

#include <catch2/catch.hpp>

namespace hw::domain {
namespace {

int64_t Utc(int year, int month, int day, int hour, int minute) {
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

TEST_CASE("Amsterdam time in winter and in summer", "[time]") {
  // Friday 2026-12-04 22:10 UTC is 23:10 local (UTC+1).
  const LocalMoment winter = AmsterdamMoment(Utc(2026, 12, 4, 22, 10));
  CHECK(winter.day == 4);
  CHECK(winter.minute == 23 * 60 + 10);
  CHECK(AmsterdamDate(Utc(2026, 12, 4, 23, 30)) == "2026-12-05");  // already Saturday locally
  // Tuesday 2027-06-01 08:00 UTC is 10:00 local (UTC+2).
  const LocalMoment summer = AmsterdamMoment(Utc(2027, 6, 1, 8, 0));
  CHECK(summer.day == 1);
  CHECK(summer.minute == 10 * 60);
}

TEST_CASE("the summer-time change days: last Sundays of March and October at 01:00 UTC", "[time]") {
  // 2027-03-28: 01:59 UTC is 03:59 CEST; 00:59 UTC is 01:59 CET; 02:00-03:00 local never happens.
  CHECK(AmsterdamOffsetSeconds(Utc(2027, 3, 28, 0, 59)) == 3600);
  CHECK(AmsterdamOffsetSeconds(Utc(2027, 3, 28, 1, 0)) == 7200);
  CHECK(AmsterdamMoment(Utc(2027, 3, 28, 0, 59)).minute == 1 * 60 + 59);
  CHECK(AmsterdamMoment(Utc(2027, 3, 28, 1, 0)).minute == 3 * 60);
  // 2026-10-25: 02:30 local happens twice (00:30 and 01:30 UTC).
  CHECK(AmsterdamMoment(Utc(2026, 10, 25, 0, 30)).minute == 2 * 60 + 30);
  CHECK(AmsterdamMoment(Utc(2026, 10, 25, 1, 30)).minute == 2 * 60 + 30);
  CHECK(AmsterdamMoment(Utc(2026, 10, 25, 1, 30)).day == 6);  // still Sunday
  // Every UTC minute of both change days maps to a local Sunday (or the night around it)
  // without gaps larger than the skipped hour.
  for (int64_t t = Utc(2027, 3, 28, 0, 0); t < Utc(2027, 3, 29, 0, 0); t += 60) {
    const LocalMoment m = AmsterdamMoment(t);
    CHECK((m.day == 6 || (m.day == 0 && m.minute < 120)));
  }
}

TEST_CASE("ISO dates are parsed strictly", "[time]") {
  int64_t days = 0;
  CHECK(ParseIsoDate("2026-12-04", &days));
  CHECK(IsoDateFromDays(days) == "2026-12-04");
  CHECK_FALSE(ParseIsoDate("2026-02-30", &days));
  CHECK_FALSE(ParseIsoDate("2026-12-4", &days));
  CHECK_FALSE(ParseIsoDate("2026-13-01", &days));
}

}  // namespace
}  // namespace hw::domain

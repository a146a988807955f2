#pragma once
#include <string>

#include "core/clock.hpp"

/// Dates for tests, always computed from the clock's today: no test names a calendar date, so
/// the suites pass whatever the date (and under `faketime`). Time-zone facts (where a local
/// time falls in UTC, when daylight saving changes) come from the test PostgreSQL's tz database.
namespace service::testing {

/// "YYYY-MM-DD": the UTC date `days` after the clock's today (negative: before).
std::string day_from_today(const core::Clock& clock, int days);
/// How many days `day` is after the clock's (UTC) today.
int days_from_today(const core::Clock& clock, const std::string& day);
/// "YYYY-MM-DD" `days` after `day`.
std::string add_days(const std::string& day, int days);
/// The instant of the wall-clock time `hh_mm` on `day` in `timezone`, as the API writes it
/// ("YYYY-MM-DDTHH:MM:SSZ").
std::string local_to_utc(const std::string& timezone, const std::string& day, const std::string& hh_mm);

enum class DstChange { kSpringForward, kFallBack };
/// The first local day after `after_day` on which `timezone` changes its UTC offset in the given
/// direction (a 23- or 25-hour day), scanning up to two years ahead; "" when there is none.
std::string next_dst_change(const std::string& timezone, const std::string& after_day, DstChange change);

}  // namespace service::testing

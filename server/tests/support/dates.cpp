#include "support/dates.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "support/test_env.hpp"

namespace service::testing {
namespace {

std::string format_day(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

std::chrono::sys_days parse_day(const std::string& day) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) != 3) throw std::invalid_argument("not a date: " + day);
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!ymd.ok()) throw std::invalid_argument("not a date: " + day);
    return std::chrono::sys_days(ymd);
}

// Test-controlled values only (zone names, dates, times); quoted for SQL text.
std::string literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += c;
    }
    return out + "'";
}

}  // namespace

std::string day_from_today(const core::Clock& clock, int days) {
    return format_day(std::chrono::floor<std::chrono::days>(clock.now()) + std::chrono::days(days));
}

int days_from_today(const core::Clock& clock, const std::string& day) {
    return static_cast<int>((parse_day(day) - std::chrono::floor<std::chrono::days>(clock.now())).count());
}

std::string add_days(const std::string& day, int days) { return format_day(parse_day(day) + std::chrono::days(days)); }

std::string local_to_utc(const std::string& timezone, const std::string& day, const std::string& hh_mm) {
    return query_value("SELECT to_char(((" + literal(day) + "::date + " + literal(hh_mm) + "::time) AT TIME ZONE " +
                       literal(timezone) + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
}

std::string next_dst_change(const std::string& timezone, const std::string& after_day, DstChange change) {
    // A local day's length is the time between its midnight and the next one, both in the zone.
    const std::string length =
        "((d + interval '1 day') AT TIME ZONE " + literal(timezone) + ") - (d AT TIME ZONE " + literal(timezone) + ")";
    return query_value("SELECT to_char(min(d), 'YYYY-MM-DD') FROM generate_series(" + literal(after_day) +
                       "::timestamp + interval '1 day', " + literal(after_day) +
                       "::timestamp + interval '731 days', interval '1 day') d WHERE " + length +
                       (change == DstChange::kSpringForward ? " < " : " > ") + "interval '24 hours'");
}

}  // namespace service::testing

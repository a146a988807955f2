#include "core/clock.hpp"

#include <cstdio>

namespace service::core {

std::int64_t TestClock::micros(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

TimePoint TestClock::now() const {
    const auto value = std::chrono::microseconds(value_.load());
    if (frozen_) return TimePoint(std::chrono::duration_cast<TimePoint::duration>(value));
    return std::chrono::system_clock::now() + std::chrono::duration_cast<TimePoint::duration>(value);
}

void TestClock::set(TimePoint at) {
    if (frozen_) {
        value_.store(micros(at));
    } else {
        value_.store(micros(at) - micros(std::chrono::system_clock::now()));
    }
}

std::string to_timestamptz(TimePoint t) {
    using namespace std::chrono;
    const auto us = floor<microseconds>(t);
    const auto day = floor<days>(us);
    const year_month_day ymd{day};
    const hh_mm_ss<microseconds> tod{us - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(tod.hours().count()), static_cast<int>(tod.minutes().count()),
                  static_cast<int>(tod.seconds().count()), static_cast<long long>(tod.subseconds().count()));
    return text;
}

std::optional<TimePoint> parse_utc(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 || used != 19) {
        return std::nullopt;
    }
    std::string_view rest = text.substr(19);
    long long fraction = 0;
    int digits = 0;
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9' && digits < 6) {
            fraction = fraction * 10 + (rest.front() - '0');
            rest.remove_prefix(1);
            ++digits;
        }
        if (digits == 0) return std::nullopt;
    }
    if (rest != "Z") return std::nullopt;
    for (int i = digits; i < 6; ++i) fraction *= 10;
    const year_month_day ymd{year(y), month(static_cast<unsigned>(mo)), day(static_cast<unsigned>(d))};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return std::nullopt;
    const auto us = sys_days(ymd) + hours(h) + minutes(mi) + seconds(sec) + microseconds(fraction);
    return time_point_cast<TimePoint::duration>(us);
}

}  // namespace service::core

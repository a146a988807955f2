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

}  // namespace service::core

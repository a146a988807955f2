#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace service::schedule {

/// A working interval in the master's wall-clock time, minutes since midnight.
struct Interval {
    int start = 0;  // inclusive
    int end = 0;    // exclusive, > start, ≤ 24 * 60
};

struct WeeklyInterval {
    int weekday = 1;  // ISO, Monday = 1
    Interval interval;
};

/// "HH:MM" (00:00–24:00) → minutes; nullopt when malformed.
std::optional<int> parse_clock(std::string_view text);
std::string format_clock(int minutes);

/// Parses `[{start, end}, …]` under `field`, requiring start < end and no overlaps; errors go
/// to the 422 list as "<field>[i].start" etc. Returns the intervals sorted by start.
std::vector<Interval> parse_intervals(const boost::json::value& value, const std::string& field,
                                      std::vector<std::pair<std::string, std::string>>& errors);
/// Parses the PUT /schedule body `{weekly: [{weekday, start, end}]}` (throws 422).
std::vector<WeeklyInterval> parse_weekly(const boost::json::object& body);
/// True when a string is a real calendar date YYYY-MM-DD.
bool is_date(std::string_view text);

boost::json::array to_json(const std::vector<Interval>& intervals);

}  // namespace service::schedule

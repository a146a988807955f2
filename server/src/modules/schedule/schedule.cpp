#include "modules/schedule/schedule.hpp"

#include <algorithm>
#include <charconv>

#include "core/problem.hpp"

namespace service::schedule {
namespace {

bool two_digits(std::string_view text, int& out) {
    if (text.size() != 2 || !std::isdigit(static_cast<unsigned char>(text[0])) ||
        !std::isdigit(static_cast<unsigned char>(text[1]))) {
        return false;
    }
    out = (text[0] - '0') * 10 + (text[1] - '0');
    return true;
}

}  // namespace

std::optional<int> parse_clock(std::string_view text) {
    int h = 0, m = 0;
    if (text.size() != 5 || text[2] != ':' || !two_digits(text.substr(0, 2), h) || !two_digits(text.substr(3), m)) {
        return std::nullopt;
    }
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

std::string format_clock(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

bool is_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    if (std::from_chars(text.data(), text.data() + 4, y).ptr != text.data() + 4) return false;
    if (!two_digits(text.substr(5, 2), m) || !two_digits(text.substr(8, 2), d)) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::vector<Interval> parse_intervals(const boost::json::value& value, const std::string& field,
                                      std::vector<std::pair<std::string, std::string>>& errors) {
    std::vector<Interval> out;
    if (!value.is_array()) {
        errors.emplace_back(field, "must be an array of {start, end}");
        return out;
    }
    if (value.as_array().size() > 12) errors.emplace_back(field, "allows at most 12 intervals a day");
    int i = 0;
    for (const auto& item : value.as_array()) {
        const std::string at = field + "[" + std::to_string(i++) + "]";
        const auto* obj = item.if_object();
        const auto* start = obj ? obj->if_contains("start") : nullptr;
        const auto* end = obj ? obj->if_contains("end") : nullptr;
        // Plain ints with -1 for "invalid": GCC 12 -O2 warns (wrongly) about optional<int> here.
        const int s = start && start->is_string() ? parse_clock(start->as_string()).value_or(-1) : -1;
        const int e = end && end->is_string() ? parse_clock(end->as_string()).value_or(-1) : -1;
        if (s < 0) errors.emplace_back(at + ".start", "must be a time HH:MM");
        if (e < 0) errors.emplace_back(at + ".end", "must be a time HH:MM");
        if (s >= 0 && e >= 0) {
            if (s >= e) {
                errors.emplace_back(at, "must end after it starts");
            } else {
                out.push_back({s, e});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    for (std::size_t k = 1; k < out.size(); ++k) {
        if (out[k].start < out[k - 1].end) {
            errors.emplace_back(field, "intervals of one day must not overlap");
            break;
        }
    }
    return out;
}

std::vector<WeeklyInterval> parse_weekly(const boost::json::object& body) {
    std::vector<std::pair<std::string, std::string>> errors;
    std::vector<WeeklyInterval> out;
    const auto* weekly = body.if_contains("weekly");
    if (weekly == nullptr || !weekly->is_array()) {
        throw core::ApiError::validation({{"weekly", "is required: an array of {weekday, start, end}"}});
    }
    // Group by weekday so overlap checks apply per day.
    std::array<boost::json::array, 8> by_day;
    std::array<std::vector<int>, 8> positions;
    int i = 0;
    for (const auto& item : weekly->as_array()) {
        const std::string at = "weekly[" + std::to_string(i) + "]";
        const auto* obj = item.if_object();
        const auto* wd = obj ? obj->if_contains("weekday") : nullptr;
        if (wd == nullptr || !wd->is_int64() || wd->as_int64() < 1 || wd->as_int64() > 7) {
            errors.emplace_back(at + ".weekday", "must be 1 (Monday) to 7 (Sunday)");
        } else {
            by_day[wd->as_int64()].push_back(item);
            positions[wd->as_int64()].push_back(i);
        }
        ++i;
    }
    for (int day = 1; day <= 7; ++day) {
        if (by_day[day].empty()) continue;
        for (const auto& interval :
             parse_intervals(by_day[day], "weekly(weekday " + std::to_string(day) + ")", errors)) {
            out.push_back({day, interval});
        }
    }
    if (!errors.empty()) {
        std::vector<core::FieldError> list;
        for (auto& [f, m] : errors) list.push_back({f, m});
        throw core::ApiError::validation(std::move(list));
    }
    return out;
}

boost::json::array to_json(const std::vector<Interval>& intervals) {
    boost::json::array out;
    for (const auto& i : intervals) {
        out.push_back(boost::json::object{{"start", format_clock(i.start)}, {"end", format_clock(i.end)}});
    }
    return out;
}

}  // namespace service::schedule

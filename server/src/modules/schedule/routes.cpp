#include "modules/schedule/routes.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::schedule {

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions master_only{.access = core::Access::kMaster};
    router.add(
        http::verb::get, "/api/v1/masters/me/schedule", [this](core::Request& r) { return get(r); }, master_only);
    router.add(
        http::verb::put, "/api/v1/masters/me/schedule", [this](core::Request& r) { return put_weekly(r); },
        master_only);
    router.add(
        http::verb::put, "/api/v1/masters/me/schedule/exceptions/{date}",
        [this](core::Request& r) { return put_exception(r); }, master_only);
    router.add(
        http::verb::delete_, "/api/v1/masters/me/schedule/exceptions/{date}",
        [this](core::Request& r) { return delete_exception(r); }, master_only);
}

namespace {

boost::json::object to_json(const ScheduleView& v) {
    boost::json::array weekly;
    for (const auto& w : v.weekly) {
        weekly.push_back(boost::json::object{
            {"weekday", w.weekday}, {"start", format_clock(w.interval.start)}, {"end", format_clock(w.interval.end)}});
    }
    boost::json::array exceptions;
    for (const auto& e : v.exceptions) {
        exceptions.push_back(boost::json::object{{"date", e.date}, {"intervals", to_json(e.intervals)}});
    }
    return boost::json::object{
        {"timezone", v.timezone}, {"weekly", std::move(weekly)}, {"exceptions", std::move(exceptions)}};
}

std::string date_param(const core::Request& req) {
    std::string date(req.param("date"));
    if (!is_date(date)) throw core::ApiError::validation({{"date", "must be a date YYYY-MM-DD"}});
    return date;
}

}  // namespace

net::awaitable<core::Response> Routes::get(core::Request& req) {
    co_return core::json_response(http::status::ok, to_json(co_await service_.view(req.my_master_id())));
}

net::awaitable<core::Response> Routes::put_weekly(core::Request& req) {
    auto weekly = parse_weekly(core::parse_json_object(req));
    const auto view = co_await service_.replace_weekly(req.my_master_id(), std::move(weekly));
    co_return core::json_response(http::status::ok, to_json(view));
}

net::awaitable<core::Response> Routes::put_exception(core::Request& req) {
    const auto date = date_param(req);
    const auto body = core::parse_json_object(req);
    std::vector<std::pair<std::string, std::string>> errors;
    const auto* value = body.if_contains("intervals");
    std::vector<Interval> intervals;
    if (value == nullptr)
        errors.emplace_back("intervals", "is required (an empty array means a day off)");
    else
        intervals = parse_intervals(*value, "intervals", errors);
    if (!errors.empty()) {
        std::vector<core::FieldError> list;
        for (auto& [f, m] : errors) list.push_back({f, m});
        throw core::ApiError::validation(std::move(list));
    }
    co_await service_.put_exception(req.my_master_id(), date, intervals);
    co_return core::json_response(http::status::ok,
                                  boost::json::object{{"date", date}, {"intervals", to_json(intervals)}});
}

net::awaitable<core::Response> Routes::delete_exception(core::Request& req) {
    const auto date = date_param(req);
    co_await service_.delete_exception(req.my_master_id(), date);
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::schedule

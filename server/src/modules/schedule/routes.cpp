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

net::awaitable<std::pair<std::string, std::string>> Routes::my_master(core::Request& req) {
    const auto user_id = req.user().user_id;
    auto profile = co_await masters_.get(pool_, std::nullopt, user_id, std::nullopt, std::nullopt, std::nullopt);
    if (!profile) {
        throw core::ApiError(http::status::not_found, "master_profile_missing", "Not found",
                             "Create your master profile with PUT /api/v1/masters/me first.");
    }
    co_return std::pair{profile->id, profile->timezone};
}

net::awaitable<boost::json::object> Routes::schedule_json(std::string master_id, std::string timezone) {
    boost::json::array weekly;
    for (const auto& w : co_await schedule_.weekly(pool_, master_id)) {
        weekly.push_back(boost::json::object{
            {"weekday", w.weekday}, {"start", format_clock(w.interval.start)}, {"end", format_clock(w.interval.end)}});
    }
    boost::json::array exceptions;
    for (const auto& e : co_await schedule_.exceptions(pool_, master_id)) {
        exceptions.push_back(boost::json::object{{"date", e.date}, {"intervals", to_json(e.intervals)}});
    }
    co_return boost::json::object{
        {"timezone", timezone}, {"weekly", std::move(weekly)}, {"exceptions", std::move(exceptions)}};
}

net::awaitable<core::Response> Routes::get(core::Request& req) {
    const auto [id, tz] = co_await my_master(req);
    co_return core::json_response(http::status::ok, co_await schedule_json(id, tz));
}

net::awaitable<core::Response> Routes::put_weekly(core::Request& req) {
    auto weekly = parse_weekly(core::parse_json_object(req));
    const auto [id, tz] = co_await my_master(req);
    co_await schedule_.replace_weekly(pool_, id, std::move(weekly));
    co_return core::json_response(http::status::ok, co_await schedule_json(id, tz));
}

net::awaitable<core::Response> Routes::put_exception(core::Request& req) {
    const std::string date(req.param("date"));
    if (!is_date(date)) throw core::ApiError::validation({{"date", "must be a date YYYY-MM-DD"}});
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
    const auto [id, tz] = co_await my_master(req);
    co_await schedule_.put_exception(pool_, id, date, intervals);
    co_return core::json_response(http::status::ok,
                                  boost::json::object{{"date", date}, {"intervals", to_json(intervals)}});
}

net::awaitable<core::Response> Routes::delete_exception(core::Request& req) {
    const std::string date(req.param("date"));
    if (!is_date(date)) throw core::ApiError::validation({{"date", "must be a date YYYY-MM-DD"}});
    const auto [id, tz] = co_await my_master(req);
    if (!(co_await schedule_.delete_exception(pool_, id, date))) {
        throw core::ApiError::not_found("No exception on that date.");
    }
    co_return core::empty_response(http::status::no_content);
}

}  // namespace service::schedule

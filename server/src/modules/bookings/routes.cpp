#include "modules/bookings/routes.hpp"

#include <chrono>

#include "core/pagination.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "modules/schedule/schedule.hpp"

namespace service::bookings {
namespace {

std::optional<std::chrono::sys_days> parse_day(std::string_view text) {
    if (!schedule::is_date(text)) return std::nullopt;
    const int y = std::stoi(std::string(text.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
    const unsigned d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
    return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

}  // namespace

bool looks_like_timestamp(std::string_view t) {
    if (t.size() < 20 || t.size() > 35 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't') ||
        t[13] != ':' || t[16] != ':') {
        return false;
    }
    const char last = t.back();
    return last == 'Z' || last == 'z' || t[t.size() - 6] == '+' || t[t.size() - 6] == '-';
}

std::optional<int> days_between(std::string_view from, std::string_view to) {
    const auto a = parse_day(from);
    const auto b = parse_day(to);
    if (!a || !b) return std::nullopt;
    return static_cast<int>((*b - *a).count());
}

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::post, "/api/v1/bookings", [this](core::Request& r) { return create(r); }, user);
    router.add(
        http::verb::get, "/api/v1/bookings", [this](core::Request& r) { return list(r); }, user);
    router.add(
        http::verb::get, "/api/v1/bookings/{id}", [this](core::Request& r) { return get_one(r); }, user);
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/confirm",
        [this](core::Request& r) { return act(r, Action::kConfirm); }, user);
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/cancel", [this](core::Request& r) { return act(r, Action::kCancel); },
        user);
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/reschedule",
        [this](core::Request& r) { return act(r, Action::kReschedule); }, user);
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/complete",
        [this](core::Request& r) { return act(r, Action::kComplete); }, user);
    router.add(
        http::verb::post, "/api/v1/bookings/{id}/no-show", [this](core::Request& r) { return act(r, Action::kNoShow); },
        user);
    router.add(http::verb::get, "/api/v1/masters/{id}/slots", [this](core::Request& r) { return slots(r); });
}

net::awaitable<core::Response> Routes::create(core::Request& req) {
    const auto body = core::parse_json_object(req);
    core::Validator v(body);
    CreateInput in;
    if (auto id = v.string("service_id", 1, 64, true)) {
        if (core::is_uuid(*id))
            in.service_id = *id;
        else
            v.add_error("service_id", "must be a service id");
    }
    if (auto start = v.string("start_at", 1, 64, true)) {
        if (looks_like_timestamp(*start))
            in.start_at = *start;
        else
            v.add_error("start_at", "must be an RFC 3339 timestamp with a zone, e.g. 2027-03-28T08:00:00Z");
    }
    in.comment = v.string("comment", 0, 500, false).value_or("");
    std::optional<std::string> key;
    if (const auto header = req.header("Idempotency-Key"); !header.empty()) {
        if (header.size() > 200) v.add_error("Idempotency-Key", "must be at most 200 characters");
        key = std::string(header);
    }
    v.check();
    auto created = co_await service_.create(req.user().user_id, std::move(in), std::move(key));
    auto res = core::json_response(http::status::created, created.booking);
    if (created.replayed) res.set("Idempotent-Replayed", "true");
    co_return res;
}

net::awaitable<core::Response> Routes::list(core::Request& req) {
    ListQuery q;
    q.as = req.query_param("as").value_or("client");
    std::vector<core::FieldError> errors;
    if (q.as != "client" && q.as != "master") errors.push_back({"as", "must be client or master"});
    if (auto statuses = req.query_param("status")) {
        // One status or several, comma-separated: ?status=pending,confirmed
        q.statuses.emplace();
        std::string_view rest = *statuses;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto one = rest.substr(0, comma);
            if (one != "pending" && one != "confirmed" && one != "cancelled" && one != "completed" &&
                one != "no_show") {
                errors.push_back(
                    {"status", "must be pending, confirmed, cancelled, completed or no_show (comma-separated)"});
                break;
            }
            q.statuses->emplace_back(one);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    }
    const auto order = req.query_param("order").value_or("asc");
    if (order != "asc" && order != "desc") errors.push_back({"order", "must be asc or desc"});
    q.descending = order == "desc";
    for (const auto name : {"from", "to"}) {
        auto value = req.query_param(name);
        if (!value) continue;
        if (schedule::is_date(*value)) *value += "T00:00:00Z";
        if (!looks_like_timestamp(*value)) errors.push_back({name, "must be a date or an RFC 3339 timestamp"});
        (std::string_view(name) == "from" ? q.from : q.to) = *value;
    }
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    q.page = core::page_request(req);
    q.user_id = req.user().user_id;
    auto page = co_await service_.list(std::move(q));
    boost::json::array items(page.items.begin(), page.items.end());
    co_return core::json_response(http::status::ok, boost::json::object{{"items", std::move(items)},
                                                                        {"next_cursor", core::cursor_json(page.next)}});
}

net::awaitable<core::Response> Routes::get_one(core::Request& req) {
    const std::string id(req.param("id"));
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such booking.");
    co_return core::json_response(http::status::ok, co_await service_.get(id, req.user().user_id));
}

net::awaitable<core::Response> Routes::act(core::Request& req, Action action) {
    const std::string id(req.param("id"));
    std::optional<std::string> reason, start_at;
    if (action == Action::kCancel || action == Action::kReschedule) {
        const auto body = req.message.body().empty() ? boost::json::object{} : core::parse_json_object(req);
        core::Validator v(body);
        if (action == Action::kCancel) reason = v.string("reason", 0, 500, false);
        if (action == Action::kReschedule) {
            start_at = v.string("start_at", 1, 64, true);
            if (start_at && !looks_like_timestamp(*start_at)) {
                v.add_error("start_at", "must be an RFC 3339 timestamp with a zone");
            }
        }
        v.check();
    }
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such booking.");
    co_return core::json_response(http::status::ok,
                                  co_await service_.act(id, req.user().user_id, action, reason, start_at));
}

net::awaitable<core::Response> Routes::slots(core::Request& req) {
    const std::string master_id(req.param("id"));
    const auto service_id = req.query_param("service_id");
    const auto from = req.query_param("from");
    const auto to = req.query_param("to").value_or(from.value_or(""));
    std::vector<core::FieldError> errors;
    if (!service_id || !core::is_uuid(*service_id)) errors.push_back({"service_id", "is required: a service id"});
    const auto span = from ? days_between(*from, to) : std::nullopt;
    if (!from || !schedule::is_date(*from))
        errors.push_back({"from", "is required: a date YYYY-MM-DD"});
    else if (!span)
        errors.push_back({"to", "must be a date YYYY-MM-DD"});
    else if (*span < 0)
        errors.push_back({"to", "must not be before from"});
    else if (*span > 30)
        errors.push_back({"to", "the range may cover at most 31 days"});
    if (!errors.empty()) throw core::ApiError::validation(std::move(errors));
    if (!core::is_uuid(master_id)) throw core::ApiError::not_found("No such master.");
    co_return core::json_response(http::status::ok, co_await service_.slots(master_id, *service_id, *from, to));
}

}  // namespace service::bookings

#include "modules/schedule/service.hpp"

#include "core/problem.hpp"

namespace service::schedule {

net::awaitable<ScheduleView> Service::view(std::string master_id) {
    ScheduleView v;
    v.timezone = co_await masters_.timezone(master_id);
    v.weekly = co_await repository_.weekly(pool_, master_id);
    v.exceptions = co_await repository_.exceptions(pool_, master_id, clock_.now());
    co_return v;
}

net::awaitable<ScheduleView> Service::replace_weekly(std::string master_id, std::vector<WeeklyInterval> weekly) {
    co_await repository_.replace_weekly(pool_, master_id, std::move(weekly));
    co_return co_await view(std::move(master_id));
}

net::awaitable<void> Service::put_exception(std::string master_id, std::string date, std::vector<Interval> intervals) {
    co_await repository_.put_exception(pool_, std::move(master_id), std::move(date), std::move(intervals));
}

net::awaitable<void> Service::delete_exception(std::string master_id, std::string date) {
    if (!(co_await repository_.delete_exception(pool_, std::move(master_id), std::move(date)))) {
        throw core::ApiError::not_found("No exception on that date.");
    }
}

}  // namespace service::schedule

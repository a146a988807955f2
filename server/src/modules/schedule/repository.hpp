#pragma once
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "modules/schedule/schedule.hpp"

namespace service::schedule {

struct DayException {
    std::string date;
    std::vector<Interval> intervals;
};

/// master_schedule and schedule_exceptions. The working-time SQL function
/// schedule_working_intervals() (migration 0005) is this module's interface for bookings.
class Repository {
  public:
    net::awaitable<void> replace_weekly(db::Pool& pool, std::string master_id,
                                        std::vector<WeeklyInterval> weekly) const;
    net::awaitable<std::vector<WeeklyInterval>> weekly(db::Executor& db, std::string master_id) const;
    /// Exceptions from the master's local today at `now` on.
    net::awaitable<std::vector<DayException>> exceptions(db::Executor& db, std::string master_id,
                                                         core::TimePoint now) const;
    net::awaitable<void> put_exception(db::Executor& db, std::string master_id, std::string date,
                                       std::vector<Interval> intervals) const;
    net::awaitable<bool> delete_exception(db::Executor& db, std::string master_id, std::string date) const;
};

}  // namespace service::schedule

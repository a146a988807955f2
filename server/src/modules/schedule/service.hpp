#pragma once
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "modules/masters/service.hpp"
#include "modules/schedule/repository.hpp"

namespace service::schedule {

/// A master's working time as their schedule page shows it, in the master's zone.
struct ScheduleView {
    std::string timezone;
    std::vector<WeeklyInterval> weekly;
    std::vector<DayException> exceptions;
};

/// Weekly hours and per-date exceptions; only the master edits their own. Free slots are the
/// bookings module's (it reads working time through schedule_working_intervals()).
class Service {
  public:
    /// `clock` decides which exceptions are past (the master's local today).
    Service(db::Pool& pool, const Repository& repository, masters::Service& masters, const core::Clock& clock)
        : pool_(pool), repository_(repository), masters_(masters), clock_(clock) {}

    net::awaitable<ScheduleView> view(std::string master_id);
    net::awaitable<ScheduleView> replace_weekly(std::string master_id, std::vector<WeeklyInterval> weekly);
    net::awaitable<void> put_exception(std::string master_id, std::string date, std::vector<Interval> intervals);
    /// 404 when there is no exception on `date`.
    net::awaitable<void> delete_exception(std::string master_id, std::string date);

  private:
    db::Pool& pool_;
    const Repository& repository_;
    masters::Service& masters_;
    const core::Clock& clock_;
};

}  // namespace service::schedule

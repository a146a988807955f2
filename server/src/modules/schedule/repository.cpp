#include "modules/schedule/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "schedule_sql.hpp"

namespace service::schedule {

net::awaitable<void> Repository::replace_weekly(db::Pool& pool, std::string master_id,
                                                std::vector<WeeklyInterval> weekly) const {
    std::vector<std::string> days, starts, ends;
    for (const auto& w : weekly) {
        days.push_back(std::to_string(w.weekday));
        starts.push_back(format_clock(w.interval.start));
        ends.push_back(format_clock(w.interval.end));
    }
    // Replace as a whole, in one transaction: readers see the old week or the new one.
    auto tx = co_await db::Transaction::begin(pool);
    co_await tx.query(sql::kDeleteWeekly, db::Params(master_id));
    if (!weekly.empty()) co_await tx.query(sql::kInsertWeekly, db::Params(master_id, days, starts, ends));
    co_await tx.commit();
}

net::awaitable<std::vector<WeeklyInterval>> Repository::weekly(db::Executor& db, std::string master_id) const {
    const auto rows = co_await db.query(sql::kListWeekly, db::Params(master_id));
    std::vector<WeeklyInterval> out;
    for (int i = 0; i < rows.size(); ++i) {
        out.push_back({rows[i].get<int>(0), {*parse_clock(rows[i].text(1)), *parse_clock(rows[i].text(2))}});
    }
    co_return out;
}

net::awaitable<std::vector<DayException>> Repository::exceptions(db::Executor& db, std::string master_id,
                                                                 core::TimePoint now) const {
    const auto rows = co_await db.query(sql::kListExceptions, db::Params(master_id, core::to_timestamptz(now)));
    std::vector<DayException> out;
    for (int i = 0; i < rows.size(); ++i) {
        DayException e{rows[i].get<std::string>(0), {}};
        for (const auto& item : boost::json::parse(rows[i].text(1)).as_array()) {
            e.intervals.push_back(
                {*parse_clock(item.at("start").as_string()), *parse_clock(item.at("end").as_string())});
        }
        out.push_back(std::move(e));
    }
    co_return out;
}

net::awaitable<void> Repository::put_exception(db::Executor& db, std::string master_id, std::string date,
                                               std::vector<Interval> intervals) const {
    co_await db.query(sql::kUpsertException, db::Params(master_id, date, boost::json::serialize(to_json(intervals))));
}

net::awaitable<bool> Repository::delete_exception(db::Executor& db, std::string master_id, std::string date) const {
    const auto result = co_await db.query(sql::kDeleteException, db::Params(master_id, date));
    co_return result.affected() > 0;
}

}  // namespace service::schedule

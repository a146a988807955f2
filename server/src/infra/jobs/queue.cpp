#include "infra/jobs/queue.hpp"

#include <array>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "jobs_sql.hpp"

namespace service::infra::jobs {

net::awaitable<Enqueued> enqueue(db::Executor& tx, std::string kind, boost::json::value payload,
                                 EnqueueOptions options) {
    std::optional<std::string> run_at;
    if (options.run_at) run_at = core::to_timestamptz(*options.run_at);
    db::Params params(kind, boost::json::serialize(payload), run_at, options.priority, options.max_attempts,
                      options.unique_key);
    const auto rows = co_await tx.query(sql::kEnqueue, std::move(params));
    Enqueued out;
    out.id = rows[0].get<std::int64_t>(0);
    out.duplicate = !rows[0].get<bool>(1);
    if (!out.duplicate) tx.notify_after_commit(std::string(kChannel), std::move(kind));
    co_return out;
}

net::awaitable<int> cancel_by_key(db::Executor& tx, std::string unique_key) {
    const auto rows = co_await tx.query(sql::kCancelByKey, db::Params(unique_key));
    co_return rows.size();
}

net::awaitable<bool> cancel(db::Executor& tx, std::int64_t id) {
    const auto rows = co_await tx.query(sql::kCancel, db::Params(id));
    co_return !rows.empty();
}

net::awaitable<bool> retry(db::Executor& tx, std::int64_t id) {
    const auto rows = co_await tx.query(sql::kRetry, db::Params(id));
    co_return !rows.empty();
}

net::awaitable<std::vector<JobInfo>> list(db::Executor& db, ListFilter filter) {
    const auto rows = co_await db.query(sql::kList, db::Params(filter.state, filter.kind, filter.limit));
    std::vector<JobInfo> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        JobInfo info;
        info.id = row.get<std::int64_t>(0);
        info.kind = row.get<std::string>(1);
        info.state = row.get<std::string>(2);
        info.priority = row.get<int>(3);
        info.attempt = row.get<int>(4);
        info.max_attempts = row.get<int>(5);
        info.run_at = row.get<std::string>(6);
        info.unique_key = row.get<std::optional<std::string>>(7);
        info.locked_by = row.get<std::optional<std::string>>(8);
        info.last_error = row.get<std::optional<std::string>>(9);
        info.payload = row.get<std::string>(10);
        out.push_back(std::move(info));
    }
    co_return out;
}

net::awaitable<long long> purge_finished(db::Executor& db, std::chrono::seconds retention, int batch, int max_batches) {
    const auto seconds = static_cast<double>(retention.count());
    long long deleted = 0;
    for (int i = 0; i < max_batches; ++i) {
        const auto result = co_await db.query(sql::kPurgeFinished, db::Params(seconds, batch));
        deleted += result.affected();
        if (result.affected() < batch) break;
    }
    for (int i = 0; i < max_batches; ++i) {
        const auto result = co_await db.query(sql::kPurgePeriodic, db::Params(seconds, batch));
        if (result.affected() < batch) break;
    }
    co_return deleted;
}

bool is_state(std::string_view state) {
    static constexpr std::array<std::string_view, 7> kStates{"scheduled", "available", "running",  "completed",
                                                             "retryable", "discarded", "cancelled"};
    for (const auto s : kStates) {
        if (s == state) return true;
    }
    return false;
}

}  // namespace service::infra::jobs

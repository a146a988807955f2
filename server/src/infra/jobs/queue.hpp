#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "infra/jobs/job.hpp"

/// Writing to the queue from any module: each call is one statement on the caller's executor,
/// normally the transaction of the change that causes the job, so the job exists if and only if
/// that change commits (and the NOTIFY that wakes the workers is sent only after the commit).
/// Pass options as a named local, not a braced temporary (GCC 12 and co_await temporaries).
namespace service::infra::jobs {

/// Adds a job; with a unique key that an unfinished job holds, returns that job instead.
net::awaitable<Enqueued> enqueue(db::Executor& tx, std::string kind, boost::json::value payload,
                                 EnqueueOptions options = {});

/// Cancels the unfinished job that holds `unique_key` (for example the reminders of a cancelled
/// booking); returns how many were cancelled (0 or 1). A running job finishes its attempt, but
/// its outcome is dropped.
net::awaitable<int> cancel_by_key(db::Executor& tx, std::string unique_key);

/// Cancels an unfinished job; false when there is none with that id or it is already final.
net::awaitable<bool> cancel(db::Executor& tx, std::int64_t id);

/// Makes a scheduled, retryable, discarded or cancelled job available now, with at least one
/// attempt left; false when there is none in such a state. Throws db::UniqueViolation when its
/// unique key is held by another unfinished job meanwhile.
net::awaitable<bool> retry(db::Executor& tx, std::int64_t id);

struct ListFilter {
    std::optional<std::string> state;
    std::optional<std::string> kind;
    int limit = 50;
};
/// The newest jobs matching `filter`.
net::awaitable<std::vector<JobInfo>> list(db::Executor& db, ListFilter filter);

/// Deletes completed, discarded and cancelled jobs that finished more than `retention` ago (by
/// the database's clock), and periodic slots as old, `batch` rows per statement, at most
/// `max_batches` statements; returns how many jobs were deleted.
net::awaitable<long long> purge_finished(db::Executor& db, std::chrono::seconds retention, int batch = 1000,
                                         int max_batches = 100);

/// True for the seven states a job can be in.
bool is_state(std::string_view state);

}  // namespace service::infra::jobs

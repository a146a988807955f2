#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/metrics.hpp"
#include "db/pool.hpp"
#include "infra/jobs/job.hpp"
#include "infra/jobs/metrics.hpp"

namespace service::infra::jobs {

struct RunnerOptions {
    /// Names this worker in `locked_by`; unique per runner (the app: NODE_ID plus a random suffix).
    std::string worker_id;
    /// Where the LISTEN connection goes (outside the pool); empty: no LISTEN, the poll only.
    std::string conninfo;
    /// The fallback poll; also caps every sleep, so a moved test clock is noticed this soon.
    std::chrono::milliseconds poll_interval{2000};
    /// How long a claimed job is ours without a renewal; a dead worker's jobs run again after it.
    std::chrono::seconds lease{30};
    /// How often leases are renewed and expired ones swept; zero: a third of the lease.
    std::chrono::milliseconds renew_interval{0};
    std::chrono::milliseconds sweep_interval{0};
    /// How often the depth gauges are counted (only after register_metrics).
    std::chrono::milliseconds depth_interval{15000};
};

struct PeriodicOptions {
    int max_attempts = 3;
    int concurrency = 1;
};

/// The workers of one node (docs/jobs.md). Claims runnable jobs of the kinds it handles in
/// batches (FOR UPDATE SKIP LOCKED), at most `concurrency` per kind at once, each under a lease
/// it renews while the handler runs; sweeps the expired leases of dead workers; wakes on NOTIFY
/// through a connection of its own, when the earliest scheduled job is due, and on a slow poll;
/// and takes the slots of periodic jobs, exactly one job per slot across all nodes.
///
/// Threading: the runner's state lives on a strand of `executor`; each job's handler runs on a
/// strand of its own. handle() and every() are for set-up, before start(); stop(), wake() and
/// the accessors may be called from any thread. Call drain() before destroying the pool.
class Runner {
  public:
    Runner(net::any_io_executor executor, db::Pool& pool, const core::Clock& clock, RunnerOptions options);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    /// Runs jobs of `kind` with `handler`, at most `concurrency` at once on this node.
    void handle(std::string kind, int concurrency, Handler handler);
    /// Runs `handler` once per slot of `period` (slots aligned to the Unix epoch, on the clock
    /// given here): the first node to take a slot enqueues its job ("periodic:<kind>:<slot
    /// start>", payload {"slot": "<slot start>"}), and any node runs it. After a downtime only the
    /// current slot runs, once, never one per missed slot.
    void every(std::string kind, std::chrono::seconds period, Handler handler, PeriodicOptions options = {});
    /// Adds the queue's series to `metrics` and counts the depth every depth_interval.
    void register_metrics(core::Metrics& metrics);

    void start();
    /// Stops claiming and taking periodic slots; running handlers go on (see drain()).
    void stop();
    /// Stops, then waits for running handlers until `deadline`; jobs still running then are
    /// released (available again, the interrupted attempt not counted) and their handlers
    /// cancelled. Returns once the runner's loops have ended.
    net::awaitable<void> drain(std::chrono::steady_clock::time_point deadline);
    /// Claims and looks at periodic slots now (tests call it after moving the clock).
    void wake();

    /// True while the LISTEN connection is up.
    bool listening() const;
    const std::string& worker_id() const;
    const JobMetrics& metrics() const;

  private:
    class State;
    std::shared_ptr<State> state_;
};

}  // namespace service::infra::jobs

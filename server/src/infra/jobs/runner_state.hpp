#pragma once
// Internal to the runner (runner.cpp, runner_loops.cpp): its state and its coroutines.
#include <atomic>
#include <map>
#include <optional>
#include <vector>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include "infra/jobs/runner.hpp"

namespace service::infra::jobs {

class Runner::State : public std::enable_shared_from_this<State> {
  public:
    using Ptr = std::shared_ptr<State>;
    using Strand = net::strand<net::any_io_executor>;

    State(net::any_io_executor executor, db::Pool& pool, const core::Clock& clock, RunnerOptions options);

    struct Kind {
        std::string name;
        int concurrency = 1;
        Handler handler;
        int running = 0;         // strand only
        bool maybe_more = true;  // strand only: the last claim was full, or a NOTIFY came since
    };
    struct Periodic {
        Periodic(const net::any_io_executor& executor, std::string kind, std::chrono::seconds period, int max_attempts)
            : kind(std::move(kind)), period(period), max_attempts(max_attempts), timer(executor) {}
        std::string kind;
        std::chrono::seconds period;
        int max_attempts;
        std::optional<core::TimePoint> done;  // the last slot this node took or found taken
        bool pending = false;
        net::steady_timer timer;
    };
    struct Running {
        Kind* kind;
        int attempt;
        std::shared_ptr<net::cancellation_signal> cancel;
        Strand strand;  // the handler's
        bool lost = false;
    };

    // Fixed before start().
    db::Pool& pool;
    const core::Clock& clock;
    const RunnerOptions options;
    net::any_io_executor executor;
    Strand strand;
    std::map<std::string, Kind, std::less<>> kinds;
    std::vector<std::unique_ptr<Periodic>> periodic;
    bool count_depth = false;
    JobMetrics metrics;  // thread-safe
    std::atomic<bool> listening{false};

    // Strand only.
    std::map<std::int64_t, Running> running;
    bool started = false;
    bool stopping = false;
    bool drained = false;
    bool wake_pending = false;
    bool claim_failing = false;
    int loops = 0;
    db::Connection* listener = nullptr;
    net::steady_timer wake_timer;
    net::steady_timer sweep_timer;
    net::steady_timer renew_timer;
    net::steady_timer depth_timer;
    net::steady_timer listen_timer;
    net::steady_timer drain_timer;
    net::steady_timer loops_timer;

    std::chrono::milliseconds renew_every() const;
    std::chrono::milliseconds sweep_every() const;

    // Strand only.
    void start_loops();
    void spawn_loop(net::awaitable<void> loop, const char* name);
    void stop_now();
    void wake_claimer();
    void wake_all();
    void finished(std::int64_t id);
    bool has_free_capacity() const;

    // runner.cpp
    static net::awaitable<void> claim_loop(Ptr self);
    static net::awaitable<std::optional<core::TimePoint>> claim_once(Ptr self);
    static void launch(const Ptr& self, Job job, Kind& kind);
    static net::awaitable<void> run_job(Ptr self, Job job, const Kind* kind);
    static net::awaitable<void> record(Ptr self, Job job, std::optional<std::string> error, bool discard,
                                       std::optional<std::chrono::milliseconds> asked_delay);
    static net::awaitable<void> drain_on_strand(Ptr self, std::chrono::steady_clock::time_point deadline);
    static net::awaitable<void> release_all(Ptr self, std::vector<std::string> ids);

    // runner_loops.cpp
    static net::awaitable<void> listen_loop(Ptr self);
    static net::awaitable<void> sweep_loop(Ptr self);
    static net::awaitable<void> renew_loop(Ptr self);
    static net::awaitable<void> depth_loop(Ptr self);
    static net::awaitable<void> periodic_loop(Ptr self, Periodic* periodic);
    static net::awaitable<bool> take_slot(Ptr self, Periodic* periodic, core::TimePoint slot);
};

}  // namespace service::infra::jobs

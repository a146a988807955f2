#include <boost/asio/post.hpp>
#include <boost/json/parse.hpp>

#include "core/log.hpp"
#include "infra/jobs/backoff.hpp"
#include "infra/jobs/runner_state.hpp"
#include "jobs_sql.hpp"

// Every coroutine here takes the shared state by value (Ptr), so a suspended one keeps it alive,
// and runs on the state's strand unless it says otherwise (run_job runs on the job's strand).

namespace service::infra::jobs {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds until(core::TimePoint at, core::TimePoint now) {
    if (at <= now) return std::chrono::milliseconds(0);
    return std::chrono::ceil<std::chrono::milliseconds>(at - now);
}

}  // namespace

Runner::State::State(net::any_io_executor executor, db::Pool& pool, const core::Clock& clock, RunnerOptions options)
    : pool(pool),
      clock(clock),
      options(std::move(options)),
      executor(executor),
      strand(net::make_strand(executor)),
      wake_timer(strand),
      sweep_timer(strand),
      renew_timer(strand),
      depth_timer(strand),
      listen_timer(strand),
      drain_timer(strand),
      loops_timer(strand) {}

std::chrono::milliseconds Runner::State::renew_every() const {
    if (options.renew_interval.count() > 0) return options.renew_interval;
    return std::max(std::chrono::milliseconds(100), std::chrono::milliseconds(options.lease) / 3);
}

std::chrono::milliseconds Runner::State::sweep_every() const {
    if (options.sweep_interval.count() > 0) return options.sweep_interval;
    return std::max(std::chrono::milliseconds(100), std::chrono::milliseconds(options.lease) / 3);
}

void Runner::State::spawn_loop(net::awaitable<void> loop, const char* name) {
    ++loops;
    net::co_spawn(strand, std::move(loop), [self = shared_from_this(), name](std::exception_ptr e) {
        if (e)
            core::log::error("job runner loop ended with an error",
                             {{"loop", name}, {"error", core::log::describe(e)}});
        net::post(self->strand, [self] {
            if (--self->loops == 0) self->loops_timer.cancel();
        });
    });
}

void Runner::State::start_loops() {
    if (started) return;
    started = true;
    auto self = shared_from_this();
    spawn_loop(claim_loop(self), "claim");
    spawn_loop(sweep_loop(self), "sweep");
    spawn_loop(renew_loop(self), "renew");
    if (!options.conninfo.empty()) spawn_loop(listen_loop(self), "listen");
    if (count_depth) spawn_loop(depth_loop(self), "depth");
    for (auto& p : periodic) spawn_loop(periodic_loop(self, p.get()), "periodic");
}

void Runner::State::stop_now() {
    if (stopping) return;
    stopping = true;
    wake_timer.cancel();
    sweep_timer.cancel();
    depth_timer.cancel();
    listen_timer.cancel();
    for (auto& p : periodic) p->timer.cancel();
    if (listener != nullptr) listener->cancel();
}

void Runner::State::wake_claimer() {
    wake_pending = true;
    wake_timer.cancel();
}

void Runner::State::wake_all() {
    for (auto& [name, kind] : kinds) kind.maybe_more = true;
    wake_claimer();
    for (auto& p : periodic) {
        p->pending = true;
        p->timer.cancel();
    }
}

bool Runner::State::has_free_capacity() const {
    for (const auto& [name, kind] : kinds) {
        if (kind.running < kind.concurrency) return true;
    }
    return false;
}

void Runner::State::finished(std::int64_t id) {
    const auto it = running.find(id);
    if (it == running.end()) return;
    Kind* kind = it->second.kind;
    --kind->running;
    running.erase(it);
    if (kind->maybe_more && !stopping) wake_claimer();
    if (running.empty()) drain_timer.cancel();
}

net::awaitable<void> Runner::State::claim_loop(Ptr self) {
    std::optional<core::TimePoint> next;
    while (!self->stopping) {
        self->wake_pending = false;
        bool failed = false;
        if (self->pool.ready() && self->has_free_capacity()) {
            try {
                next = co_await claim_once(self);
            } catch (const std::exception& e) {
                if (!self->claim_failing) core::log::warn("claiming jobs failed", {{"error", e.what()}});
                failed = true;
            }
            if (!failed && self->claim_failing) core::log::info("claiming jobs works again");
            self->claim_failing = failed;
        } else {
            next.reset();  // not looked at: a job finishing wakes us
        }
        if (self->stopping) break;
        if (self->wake_pending && !failed) continue;
        auto wait = self->pool.ready() ? self->options.poll_interval : std::chrono::milliseconds(100);
        if (next && !failed) wait = std::min(wait, until(*next, self->clock.now()));
        self->wake_timer.expires_after(wait);
        co_await self->wake_timer.async_wait(kUseTuple);
    }
}

net::awaitable<std::optional<core::TimePoint>> Runner::State::claim_once(Ptr self) {
    std::vector<std::string> names;
    std::vector<std::string> limits;
    std::vector<std::string> all;
    std::map<std::string, int, std::less<>> asked;
    for (auto& [name, kind] : self->kinds) {
        all.push_back(name);
        const int free = kind.concurrency - kind.running;
        if (free <= 0) continue;
        names.push_back(name);
        limits.push_back(std::to_string(free));
        asked[name] = free;
    }
    const auto now = self->clock.now();
    db::Params params(names, limits, core::to_timestamptz(now), core::to_timestamptz(now + self->options.lease),
                      self->options.worker_id, all);
    const auto rows = co_await self->pool.query(sql::kClaim, std::move(params));

    std::optional<core::TimePoint> next;
    std::vector<Job> claimed;
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        if (i == 0) {
            if (const auto us = row.get<std::optional<std::int64_t>>(7)) {
                next = core::TimePoint(
                    std::chrono::duration_cast<core::TimePoint::duration>(std::chrono::microseconds(*us)));
            }
        }
        if (row.is_null(0)) continue;
        Job job;
        job.id = row.get<std::int64_t>(0);
        job.kind = row.get<std::string>(1);
        boost::system::error_code ec;
        job.payload = boost::json::parse(row.text(2), ec);
        job.attempt = row.get<int>(3);
        job.max_attempts = row.get<int>(4);
        job.unique_key = row.get<std::optional<std::string>>(5);
        if (const auto waited = row.get<std::optional<double>>(6)) self->metrics.started(job.kind, *waited);
        claimed.push_back(std::move(job));
    }
    if (self->stopping) {
        // drain() began while we were claiming: hand them straight back.
        std::vector<std::string> ids;
        for (const auto& job : claimed) ids.push_back(std::to_string(job.id));
        if (!ids.empty()) co_await release_all(self, std::move(ids));
        co_return next;
    }
    std::map<std::string, int, std::less<>> got;
    for (auto& job : claimed) {
        ++got[job.kind];
        const auto it = self->kinds.find(job.kind);
        launch(self, std::move(job), it->second);
    }
    for (const auto& [name, n] : asked) self->kinds.find(name)->second.maybe_more = got[name] >= n;
    co_return next;
}

void Runner::State::launch(const Ptr& self, Job job, Kind& kind) {
    auto job_strand = net::make_strand(self->executor);
    auto signal = std::make_shared<net::cancellation_signal>();
    const auto id = job.id;
    ++kind.running;
    self->running.emplace(id, Running{&kind, job.attempt, signal, job_strand, false});
    auto task = run_job(self, std::move(job), &kind);
    net::co_spawn(job_strand, std::move(task),
                  net::bind_cancellation_slot(signal->slot(), [self, id, signal](std::exception_ptr e) {
                      if (e) core::log::debug("job coroutine ended", {{"id", id}, {"error", core::log::describe(e)}});
                      net::post(self->strand, [self, id] { self->finished(id); });
                  }));
}

// On the job's strand: the handler, then its outcome.
net::awaitable<void> Runner::State::run_job(Ptr self, Job job, const Kind* kind) {
    const auto started = Clock::now();
    std::optional<std::string> error;
    bool discard = false;
    std::optional<std::chrono::milliseconds> delay;
    try {
        Job copy = job;
        auto task = kind->handler(std::move(copy));
        co_await std::move(task);
    } catch (const Discard& e) {
        error = error_text(e.what());
        discard = true;
    } catch (const RetryAfter& e) {
        error = error_text(e.what());
        delay = std::max(e.delay(), random_backoff(job.attempt));
    } catch (const std::exception& e) {
        error = error_text(e.what());
    } catch (...) {
        error = "unknown exception";
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    self->metrics.finished(kind->name, seconds, error.has_value());
    co_await record(self, std::move(job), std::move(error), discard, delay);
}

net::awaitable<void> Runner::State::record(Ptr self, Job job, std::optional<std::string> error, bool discard,
                                           std::optional<std::chrono::milliseconds> asked_delay) {
    for (int round = 1;; ++round) {
        std::string failure;
        try {
            if (!error) {
                const auto done =
                    co_await self->pool.query(sql::kComplete, db::Params(job.id, self->options.worker_id, job.attempt));
                if (done.affected() == 0)
                    core::log::info("job finished after it was cancelled or taken over", {{"id", job.id}});
                co_return;
            }
            const auto delay = asked_delay ? *asked_delay : random_backoff(job.attempt);
            const auto retry_at = core::to_timestamptz(self->clock.now() + delay);
            const auto rows = co_await self->pool.query(
                sql::kFail, db::Params(job.id, self->options.worker_id, job.attempt, *error, retry_at, discard));
            const std::string state = rows.empty() ? "gone" : rows[0].get<std::string>(0);
            boost::json::object fields{
                {"id", job.id}, {"kind", job.kind}, {"attempt", job.attempt}, {"error", *error}, {"state", state}};
            if (state == "retryable") fields["retry_in_ms"] = delay.count();
            if (state == "discarded") {
                core::log::error("job discarded", std::move(fields));
            } else {
                core::log::warn("job failed", std::move(fields));
            }
            co_return;
        } catch (const db::Error& e) {
            failure = e.what();
        }
        if (round >= 3) {
            // The lease runs out and the job runs again.
            core::log::error("could not record a job's outcome", {{"id", job.id}, {"error", failure}});
            co_return;
        }
        net::steady_timer pause(co_await net::this_coro::executor, std::chrono::milliseconds(200 * round));
        co_await pause.async_wait(kUseTuple);
    }
}

net::awaitable<void> Runner::State::release_all(Ptr self, std::vector<std::string> ids) {
    std::string failure;
    try {
        const auto rows = co_await self->pool.query(sql::kRelease, db::Params(ids, self->options.worker_id));
        core::log::info("released running jobs for other workers", {{"jobs", rows.size()}});
    } catch (const std::exception& e) {
        failure = e.what();
    }
    if (!failure.empty()) core::log::warn("could not release jobs; their leases will run out", {{"error", failure}});
}

net::awaitable<void> Runner::State::drain_on_strand(Ptr self, Clock::time_point deadline) {
    self->stop_now();
    while (!self->running.empty() && Clock::now() < deadline) {
        self->drain_timer.expires_at(deadline);
        co_await self->drain_timer.async_wait(kUseTuple);
    }
    if (!self->running.empty()) {
        std::vector<std::string> ids;
        for (const auto& [id, r] : self->running) ids.push_back(std::to_string(id));
        co_await release_all(self, std::move(ids));
        // The handlers may still be running: stop them at their next suspension.
        for (auto& [id, r] : self->running) {
            net::post(r.strand, [signal = r.cancel] { signal->emit(net::cancellation_type::terminal); });
        }
        const auto grace = Clock::now() + std::chrono::seconds(1);
        while (!self->running.empty() && Clock::now() < grace) {
            self->drain_timer.expires_at(grace);
            co_await self->drain_timer.async_wait(kUseTuple);
        }
    }
    self->drained = true;
    self->renew_timer.cancel();
    // A listener still connecting ends within its connect timeout.
    const auto bound = std::max(deadline, Clock::now()) + std::chrono::seconds(3);
    while (self->loops > 0 && Clock::now() < bound) {
        self->loops_timer.expires_at(bound);
        co_await self->loops_timer.async_wait(kUseTuple);
    }
}

Runner::Runner(net::any_io_executor executor, db::Pool& pool, const core::Clock& clock, RunnerOptions options)
    : state_(std::make_shared<State>(std::move(executor), pool, clock, std::move(options))) {}

Runner::~Runner() { stop(); }

void Runner::handle(std::string kind, int concurrency, Handler handler) {
    State::Kind k;
    k.name = kind;
    k.concurrency = std::max(1, concurrency);
    k.handler = std::move(handler);
    state_->kinds.insert_or_assign(std::move(kind), std::move(k));
}

void Runner::every(std::string kind, std::chrono::seconds period, Handler handler, PeriodicOptions options) {
    handle(kind, options.concurrency, std::move(handler));
    state_->periodic.push_back(std::make_unique<State::Periodic>(
        state_->strand, std::move(kind), std::max(period, std::chrono::seconds(1)), std::max(1, options.max_attempts)));
}

void Runner::register_metrics(core::Metrics& metrics) {
    state_->count_depth = true;
    metrics.add_collector([state = state_](std::string& out) { state->metrics.render(out); });
}

void Runner::start() {
    net::post(state_->strand, [state = state_] { state->start_loops(); });
}

void Runner::stop() {
    net::post(state_->strand, [state = state_] { state->stop_now(); });
}

net::awaitable<void> Runner::drain(std::chrono::steady_clock::time_point deadline) {
    auto task = State::drain_on_strand(state_, deadline);
    co_await net::co_spawn(state_->strand, std::move(task), net::use_awaitable);
}

void Runner::wake() {
    net::post(state_->strand, [state = state_] {
        if (!state->stopping) state->wake_all();
    });
}

bool Runner::listening() const { return state_->listening; }

const std::string& Runner::worker_id() const { return state_->options.worker_id; }

const JobMetrics& Runner::metrics() const { return state_->metrics; }

}  // namespace service::infra::jobs

#pragma once
// What the job queue's integration tests share: a test "node" (an io_context with threads and a
// pool on the test database), runners on it, and handlers that record what they were given.
#include <gtest/gtest.h>

#include <boost/asio/use_future.hpp>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "infra/jobs/queue.hpp"
#include "infra/jobs/runner.hpp"
#include "migrations.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"

namespace service::testing::jobs {

namespace q = service::infra::jobs;

/// A kind no other test (or earlier run on the same database) uses.
inline std::string unique_kind(const std::string& name) {
    std::string token = core::random_token(6);
    for (char& c : token) c = (c == '-' || c == '_') ? 'x' : c;
    return "it." + token + "." + name;
}

inline std::string value_of(const std::string& sql) { return query_value(sql); }
inline int int_of(const std::string& sql) {
    const auto v = query_value(sql);
    return v.empty() ? -1 : std::stoi(v);
}
inline std::string job_field(std::int64_t id, const std::string& column) {
    return query_value("SELECT " + column + " FROM jobs WHERE id = " + std::to_string(id));
}

inline net::awaitable<int> migrate_test_database(std::string url) {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : migrations::kAll) files.emplace_back(f.name, f.text);
    db::Connection conn(co_await net::this_coro::executor);
    co_await conn.connect(url, std::chrono::seconds(5));
    co_return co_await db::migrate(conn, db::migrations_from_files(files));
}

inline net::awaitable<q::Enqueued> enqueue_in_transaction(db::Pool* pool, std::string kind, boost::json::value payload,
                                                          q::EnqueueOptions options, bool commit) {
    db::Transaction tx = co_await db::Transaction::begin(*pool);
    const auto enqueued = co_await q::enqueue(tx, std::move(kind), std::move(payload), std::move(options));
    if (commit) {
        co_await tx.commit();
    } else {
        co_await tx.rollback();
    }
    co_return enqueued;
}

/// An io_context run by WORKERS threads (2 by default) and a pool on the test database.
class Node {
  public:
    Node() : pool_(net::make_strand(ioc_), pool_options()), guard_(ioc_.get_executor()) {
        core::log::set_level(core::log::Level::kError);  // as the in-process servers' LOG_LEVEL
        static std::once_flag migrated;
        std::call_once(migrated, [] {
            net::io_context once;
            auto done = net::co_spawn(once, migrate_test_database(test_env().database_url), net::use_future);
            once.run();
            done.get();
        });
        pool_.set_ready(true);
        const char* workers = std::getenv("WORKERS");
        const int threads = workers != nullptr && *workers != '\0' ? std::max(1, std::atoi(workers)) : 2;
        for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { ioc_.run(); });
    }
    ~Node() {
        guard_.reset();
        ioc_.stop();
        for (auto& t : threads_) t.join();
    }
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    template <typename T>
    T run(net::awaitable<T> task) {
        auto future = net::co_spawn(ioc_, std::move(task), net::use_future);
        return future.get();
    }

    q::Enqueued enqueue(const std::string& kind, boost::json::value payload = boost::json::object{},
                        q::EnqueueOptions options = {}, bool commit = true) {
        return run(enqueue_in_transaction(&pool_, kind, std::move(payload), std::move(options), commit));
    }

    /// A runner on this node with test-friendly timings; `adjust` changes its options.
    std::unique_ptr<q::Runner> runner(const core::Clock& clock,
                                      const std::function<void(q::RunnerOptions&)>& adjust = {}) {
        q::RunnerOptions options;
        options.worker_id = "it-" + core::random_token(4);
        options.conninfo = test_env().database_url;
        options.poll_interval = std::chrono::milliseconds(200);
        if (adjust) adjust(options);
        return std::make_unique<q::Runner>(ioc_.get_executor(), pool_, clock, options);
    }

    void drain(q::Runner& runner, std::chrono::milliseconds grace = std::chrono::seconds(5)) {
        run(runner.drain(std::chrono::steady_clock::now() + grace));
    }

    db::Pool& pool() { return pool_; }
    net::io_context& ioc() { return ioc_; }

  private:
    static db::PoolOptions pool_options() {
        db::PoolOptions options;
        options.conninfo = test_env().database_url;
        options.max_size = 8;
        return options;
    }

    net::io_context ioc_;
    db::Pool pool_;
    net::executor_work_guard<net::io_context::executor_type> guard_;
    std::vector<std::thread> threads_;
};

/// Handler state shared with the test thread: every call, how many run at once, and what the
/// handler should do (wait, fail).
struct Recorder {
    std::mutex mutex;
    std::vector<q::Job> calls;
    std::vector<core::TimePoint> call_times;  // on the recorder's clock
    std::vector<std::string> runners;         // which runner took each call
    std::atomic<int> current{0};
    std::atomic<int> peak{0};
    std::atomic<int> cancelled{0};
    std::chrono::milliseconds hold{0};  // how long each call takes
    int fail_attempts = 0;              // attempts up to this one throw
    bool discard = false;               // throw Discard instead
    const core::Clock* clock = nullptr;

    std::size_t count() {
        std::lock_guard lock(mutex);
        return calls.size();
    }
};

inline net::awaitable<void> record_call(std::shared_ptr<Recorder> rec, std::string runner, q::Job job) {
    const int now_running = ++rec->current;
    int peak = rec->peak.load();
    while (now_running > peak && !rec->peak.compare_exchange_weak(peak, now_running)) {
    }
    const int attempt = job.attempt;
    {
        std::lock_guard lock(rec->mutex);
        rec->call_times.push_back(rec->clock != nullptr ? rec->clock->now() : std::chrono::system_clock::now());
        rec->calls.push_back(std::move(job));
        rec->runners.push_back(std::move(runner));
    }
    std::exception_ptr failure;
    try {
        if (rec->hold.count() > 0) {
            net::steady_timer timer(co_await net::this_coro::executor, rec->hold);
            co_await timer.async_wait(net::use_awaitable);
        }
    } catch (const boost::system::system_error&) {
        ++rec->cancelled;
        failure = std::current_exception();
    }
    --rec->current;
    if (failure) std::rethrow_exception(failure);
    if (rec->discard) throw q::Discard("refused: payload is useless");
    if (attempt <= rec->fail_attempts) throw std::runtime_error("boom " + std::to_string(attempt));
}

inline q::Handler recording(std::shared_ptr<Recorder> rec, std::string runner = "a") {
    return [rec, runner](q::Job job) { return record_call(rec, runner, std::move(job)); };
}

}  // namespace service::testing::jobs

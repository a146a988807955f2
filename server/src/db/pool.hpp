#pragma once
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"

namespace service::db {

class Pool;

/// Anything that runs statements: the pool (each call on any free connection) or a
/// Transaction (all calls on its connection). Repositories take this, so one method serves
/// both a standalone read and a step of a larger transaction.
class Executor {
  public:
    virtual ~Executor() = default;
    virtual net::awaitable<Result> query(Statement statement, Params params) = 0;
    /// NOTIFY `channel` with `payload` once what this executor ran is committed: a Transaction
    /// sends it after its COMMIT succeeds (never on rollback), the pool soon (its statements
    /// commit on their own). Sent outside the transaction, through Pool::notify_soon: a NOTIFY
    /// inside a transaction holds PostgreSQL's one notification lock through that commit's WAL
    /// flush, which made every durable commit that notified wait for the one before it (about
    /// 1,100 such commits/s here against 4,000 without, pgbench at 32 clients). Best effort: a
    /// NOTIFY lost to a crash or an outage leaves listeners to their fallback poll.
    virtual void notify_after_commit(std::string channel, std::string payload) = 0;
};

/// A connection borrowed from the pool; returns it (or discards it if it is not clean) when destroyed.
class PooledConnection {
  public:
    PooledConnection() = default;
    PooledConnection(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    PooledConnection(PooledConnection&&) noexcept = default;
    /// Gives back the connection held so far before taking the other one.
    PooledConnection& operator=(PooledConnection&& other) noexcept;
    ~PooledConnection();

    /// Gives the connection back to the pool now (a no-op when none is held).
    void reset() noexcept;

    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }
    explicit operator bool() const { return conn_ != nullptr; }

  private:
    Pool* pool_ = nullptr;
    std::unique_ptr<Connection> conn_;
};

struct PoolOptions {
    std::string conninfo;
    int max_size = 16;
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds acquire_timeout{3000};
};

struct PoolStats {
    int total = 0;
    int idle = 0;
    int waiting = 0;
    unsigned long long connect_failures = 0;
    bool last_connect_ok = false;
};

/// A bounded pool of asynchronous connections shared by all I/O threads. Connections are
/// opened on demand; a broken one is dropped and the next request opens a new one, so the pool
/// heals by itself when PostgreSQL comes back. Until set_ready(true) (migrations applied)
/// every acquire() throws Unavailable.
///
/// Threading: the idle list, the waiters and the connection count belong to the pool's strand;
/// acquire() hops onto it with co_spawn, a returned connection reaches it with dispatch, and a
/// waiter's timer lives on it, so waking a waiter never touches a timer from another thread.
/// stats() reads atomic copies. Connections themselves do I/O on the executor given here and
/// on the borrower's coroutine, never on the strand.
class Pool final : public Executor {
  public:
    Pool(net::any_io_executor executor, PoolOptions options);
    ~Pool() override;

    net::awaitable<PooledConnection> acquire();

    /// acquire + query + release.
    net::awaitable<Result> query(Statement statement, Params params) override;
    void notify_after_commit(std::string channel, std::string payload) override {
        notify_soon(std::move(channel), std::move(payload));
    }
    /// Sends NOTIFY channel, payload on a pooled connection, outside any transaction, as soon as
    /// the one before it is done: notifications that come meanwhile go together in one
    /// statement, equal ones once. Any thread. Failures are logged, not retried.
    void notify_soon(std::string channel, std::string payload);

    void set_ready(bool ready) { ready_ = ready; }
    bool ready() const { return ready_; }
    PoolStats stats() const;
    /// Closes idle connections (after an outage they are all dead anyway). Asynchronous: runs
    /// on the pool's strand.
    void drop_idle();
    const PoolOptions& options() const { return options_; }

  private:
    friend class PooledConnection;
    struct Waiter {
        explicit Waiter(const net::any_io_executor& ex) : timer(ex) {}
        net::steady_timer timer;  // on strand_
        std::unique_ptr<Connection> conn;
        bool slot = false;  // permission to open a new connection instead
    };
    /// What the strand hands a borrower: an idle connection, or a slot to open one in.
    struct Grant {
        PooledConnection conn;
        bool slot = false;
    };
    /// Any thread: a borrowed connection (or nullptr to give back a slot) goes home.
    void release(std::unique_ptr<Connection> conn);
    // Strand only.
    net::awaitable<Grant> reserve();
    void give_back(std::unique_ptr<Connection> conn);
    void publish_stats();

    static net::awaitable<void> rollback_then_release(Pool* pool, std::unique_ptr<Connection> conn);
    static net::awaitable<void> flush_notifications(Pool* pool);
    net::awaitable<std::unique_ptr<Connection>> open();

    net::any_io_executor executor_;
    net::strand<net::any_io_executor> strand_;
    PoolOptions options_;
    std::atomic<bool> ready_{false};

    // Strand only.
    std::vector<std::unique_ptr<Connection>> idle_;
    std::deque<std::shared_ptr<Waiter>> waiters_;
    int total_ = 0;

    // Notifications waiting for notify_soon's sender (under notify_mutex_).
    std::mutex notify_mutex_;
    std::vector<std::pair<std::string, std::string>> notifications_;
    bool notifying_ = false;

    // Copies for stats(), which any thread may call.
    std::atomic<int> total_seen_{0};
    std::atomic<int> idle_seen_{0};
    std::atomic<int> waiting_seen_{0};
    std::atomic<unsigned long long> connect_failures_{0};
    std::atomic<bool> last_connect_ok_{false};
};

/// An explicit transaction on one connection. Call commit(); if the object is destroyed
/// without it (an exception, an early return) the pool rolls the transaction back before the
/// connection is used again, so handlers may simply throw. A successful commit() or rollback()
/// gives the connection back at once, so code after it that reads through the pool never waits
/// for a connection its own finished transaction still holds (16 such waits deadlock a pool of
/// 16); a query after that throws std::logic_error.
class Transaction final : public Executor {
  public:
    static net::awaitable<Transaction> begin(Pool& pool, std::string_view begin_sql = "BEGIN");
    Transaction(Transaction&&) noexcept = default;
    net::awaitable<Result> query(Statement statement, Params params) override;
    void notify_after_commit(std::string channel, std::string payload) override;
    net::awaitable<void> commit();
    net::awaitable<void> rollback();

  private:
    Transaction(Pool& pool, PooledConnection conn) : pool_(&pool), conn_(std::move(conn)) {}
    Connection& connection();
    Pool* pool_;
    PooledConnection conn_;
    std::vector<std::pair<std::string, std::string>> notifications_;  // sent after COMMIT
};

/// Runs `body(Transaction&)` (a callable returning awaitable<R>) in a transaction and commits,
/// retrying the whole body up to `attempts` times on serialization failures and deadlocks.
/// Pass `body` as a named local (an lvalue), never as a temporary: GCC 12 destroys temporaries
/// of a co_await full-expression twice and mis-copies captures passed by value into a coroutine.
template <typename R, typename F>
net::awaitable<R> in_transaction(Pool& pool, F&& body, std::string_view begin_sql = "BEGIN", int attempts = 3) {
    for (int attempt = 1;; ++attempt) {
        bool retry = false;
        try {
            Transaction tx = co_await Transaction::begin(pool, begin_sql);
            if constexpr (std::is_void_v<R>) {
                co_await body(tx);
                co_await tx.commit();
                co_return;
            } else {
                R result = co_await body(tx);
                co_await tx.commit();
                co_return result;
            }
        } catch (const TransactionConflict&) {
            if (attempt >= attempts) throw;
            retry = true;
        }
        if (retry) continue;
    }
}

}  // namespace service::db

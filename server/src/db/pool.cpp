#include "db/pool.hpp"

#include <algorithm>

#include "core/log.hpp"

namespace service::db {

PooledConnection::~PooledConnection() {
    if (conn_ && pool_ != nullptr) pool_->release(std::move(conn_));
}

Pool::Pool(net::any_io_executor executor, PoolOptions options)
    : executor_(std::move(executor)), options_(std::move(options)) {}

Pool::~Pool() = default;

PoolStats Pool::stats() const {
    std::lock_guard lock(mutex_);
    return PoolStats{total_, static_cast<int>(idle_.size()), static_cast<int>(waiters_.size()), connect_failures_,
                     last_connect_ok_};
}

void Pool::drop_idle() {
    std::vector<std::unique_ptr<Connection>> doomed;
    std::lock_guard lock(mutex_);
    total_ -= static_cast<int>(idle_.size());
    doomed.swap(idle_);
}

net::awaitable<std::unique_ptr<Connection>> Pool::open() {
    auto conn = std::make_unique<Connection>(executor_);
    try {
        co_await conn->connect(options_.conninfo, options_.connect_timeout);
        std::lock_guard lock(mutex_);
        last_connect_ok_ = true;
    } catch (...) {
        {
            std::lock_guard lock(mutex_);
            ++connect_failures_;
            last_connect_ok_ = false;
        }
        release(nullptr);  // gives the slot back (and to a waiter, if any)
        throw;
    }
    co_return conn;
}

net::awaitable<PooledConnection> Pool::acquire() {
    if (!ready_) throw Unavailable("database migrations have not been applied yet");
    std::shared_ptr<Waiter> waiter;
    {
        std::unique_lock lock(mutex_);
        while (!idle_.empty()) {
            auto conn = std::move(idle_.back());
            idle_.pop_back();
            if (conn->check_alive()) co_return PooledConnection(this, std::move(conn));
            // The server went away while this sat idle; the others are likely dead too.
            total_ -= 1 + static_cast<int>(idle_.size());
            idle_.clear();
        }
        if (total_ < options_.max_size) {
            ++total_;
            lock.unlock();
            co_return PooledConnection(this, co_await open());
        }
        waiter = std::make_shared<Waiter>(co_await net::this_coro::executor);
        waiter->timer.expires_after(options_.acquire_timeout);
        waiters_.push_back(waiter);
    }
    co_await waiter->timer.async_wait(kUseTuple);
    {
        std::lock_guard lock(mutex_);
        if (!waiter->conn && !waiter->slot) {
            std::erase(waiters_, waiter);
            throw Unavailable("timed out waiting for a free database connection");
        }
    }
    if (waiter->conn) co_return PooledConnection(this, std::move(waiter->conn));
    co_return PooledConnection(this, co_await open());
}

net::awaitable<void> Pool::rollback_then_release(Pool* pool, std::unique_ptr<Connection> conn) {
    try {
        co_await conn->execute("ROLLBACK");
    } catch (const std::exception&) {
        // A broken connection is discarded by release() below.
    }
    pool->release(std::move(conn));
}

void Pool::release(std::unique_ptr<Connection> conn) {
    if (conn && conn->in_transaction()) {
        net::co_spawn(executor_, rollback_then_release(this, std::move(conn)), net::detached);
        return;
    }
    std::shared_ptr<Waiter> waiter;
    {
        std::lock_guard lock(mutex_);
        const bool keep = conn && conn->reusable();
        if (!keep) {
            conn.reset();
            --total_;
        }
        if (!waiters_.empty()) {
            waiter = waiters_.front();
            waiters_.pop_front();
            if (keep) {
                waiter->conn = std::move(conn);
            } else {
                waiter->slot = true;  // the waiter opens a fresh connection in the freed slot
                ++total_;
            }
        } else if (keep) {
            idle_.push_back(std::move(conn));
        }
    }
    if (waiter) {
        // Wake the waiter on its own executor; timers are not thread-safe.
        net::post(waiter->timer.get_executor(),
                  [waiter] { waiter->timer.expires_at(net::steady_timer::time_point::min()); });
    }
}

net::awaitable<Result> Pool::query(Statement statement, Params params) {
    auto conn = co_await acquire();
    co_return co_await conn->query(statement, std::move(params));
}

net::awaitable<Transaction> Transaction::begin(Pool& pool, std::string_view begin_sql) {
    auto conn = co_await pool.acquire();
    co_await conn->execute(begin_sql);
    co_return Transaction(std::move(conn));
}

net::awaitable<Result> Transaction::query(Statement statement, Params params) {
    co_return co_await conn_->query(statement, std::move(params));
}

net::awaitable<void> Transaction::commit() { co_await conn_->execute("COMMIT"); }

net::awaitable<void> Transaction::rollback() { co_await conn_->execute("ROLLBACK"); }

}  // namespace service::db

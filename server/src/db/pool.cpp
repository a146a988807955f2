#include "db/pool.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/log.hpp"

namespace service::db {

PooledConnection::~PooledConnection() { reset(); }

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
    if (this != &other) {
        reset();
        pool_ = other.pool_;
        conn_ = std::move(other.conn_);
    }
    return *this;
}

void PooledConnection::reset() noexcept {
    if (conn_ && pool_ != nullptr) pool_->release(std::move(conn_));
    conn_.reset();
}

Pool::Pool(net::any_io_executor executor, PoolOptions options)
    : executor_(executor), strand_(net::make_strand(executor)), options_(std::move(options)) {}

Pool::~Pool() = default;

PoolStats Pool::stats() const {
    return PoolStats{total_seen_.load(), idle_seen_.load(), waiting_seen_.load(), connect_failures_.load(),
                     last_connect_ok_.load()};
}

void Pool::publish_stats() {
    total_seen_ = total_;
    idle_seen_ = static_cast<int>(idle_.size());
    waiting_seen_ = static_cast<int>(waiters_.size());
}

void Pool::drop_idle() {
    net::dispatch(strand_, [this] {
        total_ -= static_cast<int>(idle_.size());
        idle_.clear();
        publish_stats();
    });
}

net::awaitable<std::unique_ptr<Connection>> Pool::open() {
    auto conn = std::make_unique<Connection>(executor_);
    try {
        co_await conn->connect(options_.conninfo, options_.connect_timeout);
        last_connect_ok_ = true;
    } catch (...) {
        ++connect_failures_;
        last_connect_ok_ = false;
        release(nullptr);  // gives the slot back (and to a waiter, if any)
        throw;
    }
    co_return conn;
}

net::awaitable<PooledConnection> Pool::acquire() {
    if (!ready_) throw Unavailable("database migrations have not been applied yet");
    // Named first: GCC 12 mishandles temporaries inside a co_await full-expression.
    auto op = reserve();
    Grant grant = co_await net::co_spawn(strand_, std::move(op), net::use_awaitable);
    if (!grant.slot) co_return std::move(grant.conn);
    co_return PooledConnection(this, co_await open());
}

net::awaitable<Pool::Grant> Pool::reserve() {
    while (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        if (conn->check_alive()) {
            publish_stats();
            co_return Grant{PooledConnection(this, std::move(conn)), false};
        }
        // The server went away while this sat idle; the others are likely dead too.
        total_ -= 1 + static_cast<int>(idle_.size());
        idle_.clear();
    }
    if (total_ < options_.max_size) {
        ++total_;
        publish_stats();
        co_return Grant{PooledConnection(), true};
    }
    auto waiter = std::make_shared<Waiter>(strand_);
    waiter->timer.expires_after(options_.acquire_timeout);
    waiters_.push_back(waiter);
    publish_stats();
    // give_back() cancels the timer after handing this waiter a connection or a slot; both
    // run on the strand, so the timer is never touched from two threads.
    co_await waiter->timer.async_wait(kUseTuple);
    if (waiter->conn) co_return Grant{PooledConnection(this, std::move(waiter->conn)), false};
    if (waiter->slot) co_return Grant{PooledConnection(), true};
    std::erase(waiters_, waiter);
    publish_stats();
    throw Unavailable("timed out waiting for a free database connection");
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
        // Its own strand: the connection's I/O uses awaitable operators, whose branches must not
        // run on two threads at once.
        net::co_spawn(net::make_strand(executor_), rollback_then_release(this, std::move(conn)), net::detached);
        return;
    }
    // The connection is still exclusively ours here: decide and close it off the strand.
    if (conn && !conn->reusable()) conn.reset();
    net::dispatch(strand_, [this, conn = std::move(conn)]() mutable { give_back(std::move(conn)); });
}

void Pool::give_back(std::unique_ptr<Connection> conn) {
    if (!conn) --total_;
    if (!waiters_.empty()) {
        auto waiter = std::move(waiters_.front());
        waiters_.pop_front();
        if (conn) {
            waiter->conn = std::move(conn);
        } else {
            waiter->slot = true;  // the waiter opens a fresh connection in the freed slot
            ++total_;
        }
        waiter->timer.cancel();
    } else if (conn) {
        idle_.push_back(std::move(conn));
    }
    publish_stats();
}

net::awaitable<Result> Pool::query(Statement statement, Params params) {
    auto conn = co_await acquire();
    co_return co_await conn->query(statement, std::move(params));
}

void Pool::notify_soon(std::string channel, std::string payload) {
    {
        std::lock_guard lock(notify_mutex_);
        const std::pair<std::string, std::string> note{std::move(channel), std::move(payload)};
        if (std::find(notifications_.begin(), notifications_.end(), note) == notifications_.end()) {
            notifications_.push_back(note);
        }
        if (notifying_) return;  // the sender takes it with the next batch
        notifying_ = true;
    }
    net::co_spawn(executor_, flush_notifications(this), net::detached);
}

net::awaitable<void> Pool::flush_notifications(Pool* pool) {
    static constexpr Statement kNotify{"db_notify_many",
                                       "SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)"};
    for (;;) {
        std::vector<std::pair<std::string, std::string>> batch;
        {
            std::lock_guard lock(pool->notify_mutex_);
            batch.swap(pool->notifications_);
            if (batch.empty()) {
                pool->notifying_ = false;
                co_return;
            }
        }
        std::vector<std::string> channels;
        std::vector<std::string> payloads;
        for (auto& [channel, payload] : batch) {
            channels.push_back(std::move(channel));
            payloads.push_back(std::move(payload));
        }
        std::string failure;
        try {
            co_await pool->query(kNotify, Params(channels, payloads));
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (!failure.empty()) {
            core::log::warn("NOTIFY after commit failed; listeners fall back to polling",
                            {{"error", failure}, {"notifications", static_cast<std::int64_t>(channels.size())}});
        }
    }
}

net::awaitable<Transaction> Transaction::begin(Pool& pool, std::string_view begin_sql) {
    auto conn = co_await pool.acquire();
    co_await conn->execute(begin_sql);
    co_return Transaction(pool, std::move(conn));
}

void Transaction::notify_after_commit(std::string channel, std::string payload) {
    std::pair<std::string, std::string> note{std::move(channel), std::move(payload)};
    if (std::find(notifications_.begin(), notifications_.end(), note) == notifications_.end()) {
        notifications_.push_back(std::move(note));  // as PostgreSQL: the same one once per transaction
    }
}

Connection& Transaction::connection() {
    if (!conn_) throw std::logic_error("the transaction has already been committed or rolled back");
    return *conn_;
}

net::awaitable<Result> Transaction::query(Statement statement, Params params) {
    co_return co_await connection().query(statement, std::move(params));
}

net::awaitable<void> Transaction::commit() {
    co_await connection().execute("COMMIT");
    conn_.reset();  // home now, not when the caller's scope ends
    for (auto& [channel, payload] : notifications_) pool_->notify_soon(std::move(channel), std::move(payload));
    notifications_.clear();
}

net::awaitable<void> Transaction::rollback() {
    co_await connection().execute("ROLLBACK");
    conn_.reset();
    notifications_.clear();
}

}  // namespace service::db

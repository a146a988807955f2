#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <libpq-fe.h>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "core/asio.hpp"
#include "db/errors.hpp"
#include "db/result.hpp"

namespace service::db {

/// A NOTIFY received on a connection that ran LISTEN.
struct Notification {
    std::string channel;
    std::string payload;
};

/// One PostgreSQL connection driven by Asio: libpq in non-blocking mode, its socket watched
/// by a stream_descriptor. Statements are prepared once per connection and sent in pipeline
/// mode, so preparing and executing a new statement costs a single round trip.
/// Used by one coroutine at a time (the pool guarantees it).
class Connection {
  public:
    explicit Connection(net::any_io_executor executor);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Connects; throws Unavailable on failure or after `timeout`.
    net::awaitable<void> connect(std::string conninfo, std::chrono::milliseconds timeout);

    /// Runs a named statement with parameters; throws Error (with SQLSTATE) on failure.
    net::awaitable<Result> query(Statement statement, Params params);
    /// Runs SQL text without parameters through the simple protocol; several statements allowed.
    /// Only for fixed text such as migrations and BEGIN/COMMIT, never for values.
    net::awaitable<void> execute(std::string_view sql);

    /// False once the connection broke; the pool then throws it away.
    bool healthy() const;
    /// Idle outside a transaction with nothing pending: safe to hand to the next user.
    bool reusable() const;
    /// Healthy but left inside a transaction (committed by nobody): the pool rolls it back.
    bool in_transaction() const;
    /// Reads anything the server sent while the connection sat idle (for example the
    /// termination notice of a restarting server) so a dead connection is noticed before use.
    bool check_alive();

    /// Waits until the server has sent at least one notification for a channel this connection
    /// LISTENs on (`execute("LISTEN ch")`) and returns all that arrived. Only for a connection
    /// that runs nothing else meanwhile (outside the pool). Throws Unavailable when the
    /// connection breaks or cancel() ends the wait; notifications sent while no connection
    /// listened are lost, so after a reconnect the caller resyncs from its tables.
    net::awaitable<std::vector<Notification>> wait_notifications();
    /// Ends a wait in progress (its call throws Unavailable and the connection is broken).
    /// Call it on the connection's executor.
    void cancel();

    std::chrono::steady_clock::time_point created_at() const { return created_at_; }

  private:
    net::awaitable<void> wait(net::posix::descriptor_base::wait_type type);
    net::awaitable<void> flush();
    net::awaitable<PGresult*> next_result();
    void attach_socket();
    void detach_socket();
    [[noreturn]] void fail(const std::string& what);

    net::any_io_executor executor_;
    PGconn* conn_ = nullptr;
    std::optional<net::posix::stream_descriptor> socket_;
    int socket_fd_ = -1;
    std::unordered_set<std::string> prepared_;
    bool broken_ = false;
    std::chrono::steady_clock::time_point created_at_ = std::chrono::steady_clock::now();
};

}  // namespace service::db

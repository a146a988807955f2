#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/asio.hpp"
#include "core/rate_limit.hpp"

namespace service::infra {

struct RedisReply {
    enum class Type { kString, kArray, kInteger, kNil, kStatus, kError } type = Type::kNil;
    std::string str;
    std::int64_t integer = 0;
    std::vector<RedisReply> elements;
};

struct RedisUrl {
    std::string host = "127.0.0.1";
    std::string port = "6379";
    std::string password;
    int db = 0;
};
/// Parses redis://[:password@]host[:port][/db]; nullopt when malformed.
std::optional<RedisUrl> parse_redis_url(std::string_view url);

/// One command in RESP (an array of bulk strings), encoded by hiredis; arguments may hold any bytes.
std::string encode_command(const std::vector<std::string>& args);

/// A Redis client on Asio: one pipelined connection (Redis answers in order, so a FIFO of
/// pending requests pairs replies with callers), hiredis' reader for RESP parsing, and a
/// background loop that reconnects with backoff. Every call has a timeout and returns nullopt
/// when Redis is down, so callers fall back instead of failing.
///
/// Threading: the socket, the outgoing buffer, the FIFO and every caller's wake-up timer
/// belong to the client's strand; execute() runs its waiting part there (co_spawn), so any
/// thread may call it.
class RedisClient final : public core::CounterStore {
  public:
    RedisClient(net::io_context& ioc, RedisUrl url);
    ~RedisClient() override;

    void start();
    void stop();
    bool connected() const { return connected_.load(); }

    /// Sends the commands together and returns their replies in order, or nullopt when
    /// Redis is unavailable or slower than `timeout`.
    net::awaitable<std::optional<std::vector<RedisReply>>> execute(
        std::vector<std::vector<std::string>> commands,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(250));

    net::awaitable<std::optional<std::int64_t>> increment(std::string key, std::chrono::seconds ttl) override;

  private:
    struct Pending;
    net::awaitable<void> run();
    net::awaitable<void> write_loop();
    net::awaitable<std::optional<std::vector<RedisReply>>> wait_on_strand(std::shared_ptr<Pending> pending,
                                                                          std::chrono::milliseconds timeout);
    void enqueue(std::shared_ptr<Pending> pending);
    void fail_all();

    RedisUrl url_;
    net::strand<net::io_context::executor_type> strand_;
    tcp::socket socket_;
    std::atomic<bool> connected_{false};
    std::atomic<bool> stopped_{false};
    bool writing_ = false;
    std::string out_;
    std::deque<std::shared_ptr<Pending>> pending_;  // strand only
};

/// A Redis connection in subscriber mode: SUBSCRIBE to fixed channels and hand every message
/// to `handler` (on the subscriber's strand). Reconnects with backoff and re-subscribes;
/// `on_connected` runs after each (re)subscription so the owner can resynchronise state that
/// was published while it was away.
class RedisSubscriber {
  public:
    using Handler = std::function<void(std::string_view channel, std::string_view message)>;

    RedisSubscriber(net::io_context& ioc, RedisUrl url, std::vector<std::string> channels, Handler handler,
                    std::function<void()> on_connected = {});
    void start();
    void stop();
    bool connected() const { return connected_.load(); }

  private:
    net::awaitable<void> run();

    RedisUrl url_;
    std::vector<std::string> channels_;
    Handler handler_;
    std::function<void()> on_connected_;
    net::strand<net::io_context::executor_type> strand_;
    tcp::socket socket_;
    std::atomic<bool> connected_{false};
    std::atomic<bool> stopped_{false};
};

}  // namespace service::infra

#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/config.hpp"
#include "core/pipeline.hpp"

namespace service::core {

/// HTTP/1.1 with keep-alive on one port. Each connection is one coroutine on its own strand
/// that owns its stream (the Beast flex-awaitable shape). Limits: header and body size, a
/// deadline for receiving each whole request (slow clients cannot hold a worker), an idle
/// keep-alive timeout and a cap on concurrent connections.
class HttpServer {
  public:
    /// Takes over a connection whose request asks for a WebSocket upgrade; returns when done.
    using UpgradeHandler = std::function<net::awaitable<void>(beast::tcp_stream&, Request&)>;

    HttpServer(net::io_context& ioc, const Config& config, const Pipeline& pipeline);

    /// Before start(): WebSocket upgrade requests for exactly `path` go to `handler`; other
    /// upgrade requests are answered as plain HTTP.
    void on_upgrade(std::string path, UpgradeHandler handler) { upgrades_[std::move(path)] = std::move(handler); }

    /// Before start(): requests for which `predicate(method, path)` holds are handed to the
    /// pipeline after their header, with Request::body_stream to read the body (uploads).
    using StreamPredicate = std::function<bool(http::verb, std::string_view)>;
    void stream_bodies(StreamPredicate predicate) { stream_predicate_ = std::move(predicate); }

    /// Binds, listens and starts accepting. Returns the bound port (useful with PORT=0).
    std::uint16_t start();
    /// Graceful stop, step one: no new connections; idle ones are closed; requests already
    /// being handled finish and are answered with `Connection: close`.
    void stop();
    /// Step two: wait until every connection is gone or `timeout` passes. Returns how many remain.
    net::awaitable<std::size_t> drain(std::chrono::steady_clock::duration timeout);
    std::size_t active_connections() const { return active_.load(); }

  private:
    net::awaitable<void> accept_loop();
    net::awaitable<void> session(beast::tcp_stream stream);
    net::awaitable<void> linger(beast::tcp_stream& stream);
    net::awaitable<bool> write_problem(beast::tcp_stream& stream, http::status status, std::string code,
                                       std::string title, std::string detail);

    struct SessionEntry {
        net::any_io_executor executor;
        beast::tcp_stream* stream;
        const bool* reading;
    };
    std::uint64_t register_session(net::any_io_executor executor, beast::tcp_stream* stream, const bool* reading);
    void unregister_session(std::uint64_t id);

    net::io_context& ioc_;
    const Config& config_;
    const Pipeline& pipeline_;
    tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> active_{0};
    std::mutex sessions_mutex_;
    std::unordered_map<std::uint64_t, SessionEntry> sessions_;
    std::uint64_t next_session_id_ = 1;
    std::map<std::string, UpgradeHandler, std::less<>> upgrades_;
    StreamPredicate stream_predicate_;
};

}  // namespace service::core

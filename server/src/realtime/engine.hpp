#pragma once
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "core/http_types.hpp"
#include "realtime/packets.hpp"

/// Engine.IO v4 server: the handshake, HTTP long-polling, WebSocket, the polling → WebSocket
/// upgrade and the heartbeat. It knows nothing about Socket.IO; it hands whole messages to an
/// EngineHandler.
///
/// Threading: every session lives on its own strand. Its state is only touched there; HTTP
/// requests (which arrive on their connections' strands) hop onto it with co_spawn, and other
/// threads reach it with post. A WebSocket's socket is re-registered on the session's strand,
/// so Beast's internal timers never race the session.
namespace service::realtime {

struct EngineOptions {
    std::chrono::milliseconds ping_interval{25000};
    std::chrono::milliseconds ping_timeout{20000};
    std::chrono::milliseconds upgrade_timeout{10000};
    std::size_t max_payload = 1000000;
    /// A client that stops reading is closed once this much waits for it (no unbounded memory).
    std::size_t max_buffered = std::size_t{8} * 1024 * 1024;
};

class Engine;
class EngineSession;

/// Whatever the layer above keeps per session (the Socket.IO client state).
struct SessionData {
    virtual ~SessionData() = default;
};

/// The layer above Engine.IO. Every call runs on the session's strand.
class EngineHandler {
  public:
    virtual ~EngineHandler() = default;
    virtual void on_open(const std::shared_ptr<EngineSession>& session) = 0;
    /// A message packet, text or binary.
    virtual void on_message(const std::shared_ptr<EngineSession>& session, EioPacket packet) = 0;
    virtual void on_close(const std::shared_ptr<EngineSession>& session, std::string_view reason) = 0;
};

class EngineSession : public std::enable_shared_from_this<EngineSession> {
  public:
    using WebSocket = beast::websocket::stream<beast::tcp_stream>;

    EngineSession(Engine& engine, net::any_io_executor strand, std::string id, boost::asio::ip::address peer);

    const std::string& id() const { return id_; }
    const net::any_io_executor& executor() const { return strand_; }
    const boost::asio::ip::address& peer() const { return peer_; }

    // The rest only on the session's strand.
    void send(EioPacket packet);
    void send(std::vector<EioPacket> packets);
    /// Ends the session from the server's side (the client sees a close).
    void close(std::string_view reason);
    bool closed() const { return closed_; }
    bool websocket() const { return transport_ == Transport::kWebSocket; }

    std::unique_ptr<SessionData> data;

  private:
    friend class Engine;
    enum class Transport { kPolling, kWebSocket };
    struct HttpAnswer {
        http::status status = http::status::ok;
        int error_code = -1;  // Engine.IO error code; -1 = success, `body` is the answer
        std::string body;
    };

    void open(Transport transport);
    void handle(EioPacket packet);
    void wake();
    void enqueue(EioPacket packet);
    EioPacket dequeue();
    void close_as(std::string_view reason, bool by_client);
    net::awaitable<void> heartbeat();
    net::awaitable<HttpAnswer> poll();
    net::awaitable<HttpAnswer> post(std::string body);
    net::awaitable<bool> may_upgrade();
    net::awaitable<void> run_websocket(std::shared_ptr<WebSocket> ws);
    net::awaitable<void> probe_websocket(std::shared_ptr<WebSocket> ws);
    net::awaitable<void> read_websocket(std::shared_ptr<WebSocket> ws);
    net::awaitable<void> write_websocket(std::shared_ptr<WebSocket> ws);

    Engine& engine_;
    net::any_io_executor strand_;
    std::string id_;
    boost::asio::ip::address peer_;
    Transport transport_ = Transport::kPolling;
    bool closed_ = false;
    bool closed_by_client_ = false;
    bool going_away_ = false;
    bool upgrading_ = false;
    bool upgrade_attempted_ = false;
    std::deque<EioPacket> outbox_;
    std::size_t outbox_bytes_ = 0;
    bool poll_pending_ = false;
    net::steady_timer poll_wake_;
    std::shared_ptr<WebSocket> ws_;
    net::steady_timer write_wake_;
    net::steady_timer heartbeat_timer_;
    bool awaiting_pong_ = false;
};

class Engine {
  public:
    Engine(net::io_context& ioc, EngineOptions options, EngineHandler& handler);

    /// Handshake and long-polling requests (any method: the wrong ones get the reference 400s).
    net::awaitable<core::Response> handle_http(core::Request& req);
    /// A WebSocket upgrade request on the Engine.IO path; returns when the WebSocket is gone.
    net::awaitable<void> handle_websocket(beast::tcp_stream& stream, core::Request& req);
    /// Closes every session (WebSocket close code 1001 "going away"); used on shutdown.
    void stop();
    std::size_t session_count() const;
    const EngineOptions& options() const { return options_; }
    EngineHandler& handler() { return handler_; }

  private:
    friend class EngineSession;
    std::shared_ptr<EngineSession> create(net::any_io_executor strand, boost::asio::ip::address peer);
    std::shared_ptr<EngineSession> find(std::string_view sid) const;
    void remove(const std::string& sid);
    std::string open_packet(const std::string& sid, bool polling) const;
    net::awaitable<void> serve_websocket(std::shared_ptr<EngineSession::WebSocket> ws,
                                         http::request<http::string_body> upgrade, net::any_io_executor strand,
                                         boost::asio::ip::address peer);

    net::io_context& ioc_;
    EngineOptions options_;
    EngineHandler& handler_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<EngineSession>> sessions_;
};

}  // namespace service::realtime

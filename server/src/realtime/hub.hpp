#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "infra/redis.hpp"
#include "realtime/engine.hpp"
#include "realtime/events.hpp"
#include "realtime/publisher.hpp"
#include "realtime/socketio.hpp"

namespace service::realtime {

/// Who a token belongs to and until when it may keep a socket open.
struct Authenticated {
    SocketUser user;
    std::chrono::system_clock::time_point expires_at;
};

/// nullopt = refuse (bad, expired or revoked token, banned user).
using Authenticator = std::function<net::awaitable<std::optional<Authenticated>>(std::string token)>;

struct HubOptions {
    EngineOptions engine;
    std::chrono::milliseconds connect_timeout{45000};
    std::string node_id;
    /// Fan-out between nodes; null = this node only.
    infra::RedisClient* redis = nullptr;
    std::optional<infra::RedisUrl> redis_url;
};

/// The application's real-time layer: the "/" namespace with JWT authentication in the
/// CONNECT auth payload, a `user:<id>` room per user, presence, the modules' events, and
/// fan-out to other nodes over Redis pub/sub (node-local while Redis is away).
///
/// Threading: socket callbacks arrive on each session's strand, cluster messages on the Redis
/// subscriber's strand, to_user()/online() from any thread. The Hub's coroutines and its timer
/// run on its own strand; see docs/threading.md.
class Hub final : public Publisher, public PresenceView, public EventRegistry {
  public:
    Hub(net::io_context& ioc, HubOptions options, Authenticator authenticator);
    ~Hub() override;

    Engine& engine() { return engine_; }
    void start();
    /// Shutdown: every socket is closed with WebSocket code 1001 (polls get a close packet).
    void stop();

    void to_user(std::string_view user_id, std::string_view event, const boost::json::value& payload) override;
    /// Encodes once and publishes one Redis message for all of them (a group chat's fan-out).
    void to_users(const std::vector<std::string>& user_ids, std::string_view event,
                  const boost::json::value& payload) override;
    bool online(std::string_view user_id) const override;
    void on(std::string event, EventHandler handler) override;
    void on_presence(PresenceHandler handler) override;

    std::size_t local_users() const;
    bool cluster_connected() const;

  private:
    struct SocketState;
    net::awaitable<std::optional<ConnectRefusal>> authorize(std::shared_ptr<Socket> socket);
    void connected(const std::shared_ptr<Socket>& socket);
    void disconnected(const std::shared_ptr<Socket>& socket);
    net::awaitable<void> run_event(const EventHandler* handler, std::shared_ptr<Socket> socket, EventCall call);
    net::awaitable<void> run_presence(std::string user_id, bool online);
    void presence_changed_locked(const std::string& user_id, bool online);
    void publish(std::string message);
    net::awaitable<void> publish_now(std::string message);
    void on_cluster_message(std::string_view message);
    void announce_all();
    net::awaitable<void> announce_periodically();
    bool remote_online(const std::string& user_id, std::chrono::steady_clock::time_point now) const;
    bool has_peers(std::chrono::steady_clock::time_point now) const;

    // Runs the Hub's own work: publishing (in order), presence handlers, the announcement timer.
    net::strand<net::io_context::executor_type> strand_;
    HubOptions options_;
    Authenticator authenticator_;
    SocketServer sockets_;
    Engine engine_;
    std::map<std::string, EventHandler> handlers_;  // filled before start, read-only after
    std::vector<PresenceHandler> presence_handlers_;

    // online() and local_users() answer synchronously from any thread, so the presence maps sit
    // behind a mutex (never held across a co_await) rather than on the strand.
    mutable std::mutex presence_mutex_;
    std::unordered_map<std::string, int> local_counts_;  // user → open sockets on this node
    // user → node → when that node last said the user is online
    std::unordered_map<std::string, std::unordered_map<std::string, std::chrono::steady_clock::time_point>> remote_;
    std::unordered_map<std::string, std::chrono::steady_clock::time_point> peers_;  // node → last heard

    std::unique_ptr<infra::RedisSubscriber> subscriber_;
    net::steady_timer announce_timer_;
    std::atomic<bool> stopped_{false};
};

}  // namespace service::realtime

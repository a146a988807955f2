#pragma once
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "realtime/engine.hpp"

/// Socket.IO v5 on top of the Engine.IO server: namespaces, the CONNECT handshake with its
/// auth payload, events and acknowledgements (binary attachments included) and rooms.
namespace service::realtime {

class SocketServer;

/// One client connected to one namespace. Methods marked "strand" run on the owning Engine.IO
/// session's strand (where every handler is called).
class Socket : public std::enable_shared_from_this<Socket> {
  public:
    Socket(SocketServer& server, std::string id, std::string nsp, std::weak_ptr<EngineSession> session,
           boost::json::value auth);

    const std::string& id() const { return id_; }
    const std::string& nsp() const { return nsp_; }
    /// The `auth` object the client sent with CONNECT ({} when none).
    const boost::json::value& auth() const { return auth_; }
    std::shared_ptr<EngineSession> session() const { return session_.lock(); }
    bool connected() const { return connected_; }

    // strand
    void emit(std::string_view event, boost::json::array args, std::vector<std::string> attachments = {});
    void ack(std::uint64_t id, boost::json::array args, std::vector<std::string> attachments = {});
    void join(const std::string& room);
    /// Server-side disconnect: the client gets DISCONNECT and, per the protocol, does not reconnect by itself.
    void disconnect();

    /// Whatever the namespace's owner keeps per socket (the signed-in user).
    std::shared_ptr<void> data;

  private:
    friend class SocketServer;
    struct Incoming {
        std::string event;
        boost::json::array args;
        std::vector<std::string> attachments;
        std::optional<std::uint64_t> ack_id;
    };
    void send(SioPacket packet);

    SocketServer& server_;
    std::string id_;
    std::string nsp_;
    std::weak_ptr<EngineSession> session_;
    boost::json::value auth_;
    bool connected_ = true;
    std::vector<std::string> rooms_;
    std::deque<Incoming> inbox_;  // events waiting for the one running handler
    bool handling_ = false;
};

/// What a namespace answers to CONNECT: nullopt = accepted, else CONNECT_ERROR {message, data}.
struct ConnectRefusal {
    std::string message;
    std::optional<boost::json::value> data;
};

struct EventCall {
    std::string event;
    boost::json::array args;  // after the event name
    std::vector<std::string> attachments;
    std::optional<std::uint64_t> ack_id;  // set when the client waits for an acknowledgement
};

struct Namespace {
    /// Runs before the CONNECT reply; may fill socket.data.
    std::function<net::awaitable<std::optional<ConnectRefusal>>(std::shared_ptr<Socket>)> authorize;
    std::function<void(const std::shared_ptr<Socket>&)> on_connect;
    std::function<void(const std::shared_ptr<Socket>&, std::string_view reason)> on_disconnect;
    /// Events of one socket are handled one at a time, in arrival order.
    std::unordered_map<std::string, std::function<net::awaitable<void>(std::shared_ptr<Socket>, EventCall)>> events;
};

struct SocketServerOptions {
    std::chrono::milliseconds connect_timeout{45000};  // no namespace joined by then → close
    std::size_t max_pending_events = 256;              // per socket, waiting for the handler
};

class SocketServer final : public EngineHandler {
  public:
    SocketServer(SocketServerOptions options = {}) : options_(options) {}

    /// Set up before the first connection; read-only afterwards.
    Namespace& add_namespace(const std::string& name) { return namespaces_[name]; }

    /// From any thread: sends an event to every local socket in `room` of namespace `nsp`.
    void emit_to_room(const std::string& nsp, const std::string& room, std::string_view event,
                      const boost::json::array& args);
    /// The Engine.IO messages of an EVENT packet, to deliver to many rooms after encoding once.
    static std::vector<EioPacket> encode_event(const std::string& nsp, std::string_view event,
                                               const boost::json::array& args);
    /// The same with a ready-made packet.
    void deliver_to_room(const std::string& nsp, const std::string& room, const std::vector<EioPacket>& packets);
    std::size_t room_size(const std::string& nsp, const std::string& room) const;

    void on_open(const std::shared_ptr<EngineSession>& session) override;
    void on_message(const std::shared_ptr<EngineSession>& session, EioPacket packet) override;
    void on_close(const std::shared_ptr<EngineSession>& session, std::string_view reason) override;

  private:
    friend class Socket;
    struct Client;
    void handle_packet(const std::shared_ptr<EngineSession>& session, Client& client, SioPacket packet);
    void connect(const std::shared_ptr<EngineSession>& session, Client& client, SioPacket packet);
    net::awaitable<void> run_connect(std::shared_ptr<EngineSession> session, std::shared_ptr<Socket> socket);
    void remove_socket(std::shared_ptr<Socket> socket, std::string_view reason);
    void dispatch(const std::shared_ptr<Socket>& socket, Socket::Incoming incoming);
    net::awaitable<void> drain_inbox(std::shared_ptr<Socket> socket);
    void join(Socket& socket, const std::string& room);
    void leave_all(Socket& socket);
    static std::string room_key(const std::string& nsp, const std::string& room) { return nsp + '\n' + room; }

    SocketServerOptions options_;
    std::map<std::string, Namespace> namespaces_;
    mutable std::mutex rooms_mutex_;
    // room key → socket id → the session that carries the socket
    std::unordered_map<std::string, std::unordered_map<std::string, std::weak_ptr<EngineSession>>> rooms_;
};

}  // namespace service::realtime

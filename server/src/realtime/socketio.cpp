#include "realtime/socketio.hpp"

#include <set>

#include <boost/json/object.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"

namespace service::realtime {
namespace json = boost::json;

struct SocketServer::Client final : SessionData {
    explicit Client(const net::any_io_executor& strand) : connect_timer(strand) {}
    std::map<std::string, std::shared_ptr<Socket>> sockets;  // namespace → socket
    std::set<std::string> connecting;                        // CONNECT being authorised
    std::optional<SioPacket> partial;                        // a binary packet waiting for its attachments
    net::steady_timer connect_timer;
};

namespace {

void log_failure(std::string_view what, std::exception_ptr e) {
    if (e) core::log::warn(what, {{"error", core::log::describe(e)}});
}

}  // namespace

// ---- Socket --------------------------------------------------------------------------------

Socket::Socket(SocketServer& server, std::string id, std::string nsp, std::weak_ptr<EngineSession> session,
               json::value auth)
    : server_(server), id_(std::move(id)), nsp_(std::move(nsp)), session_(std::move(session)), auth_(std::move(auth)) {}

void Socket::send(SioPacket packet) {
    const auto session = session_.lock();
    if (!session || !connected_) return;
    packet.nsp = nsp_;
    session->send(encode_sio(packet));
}

void Socket::emit(std::string_view event, json::array args, std::vector<std::string> attachments) {
    json::array data;
    data.reserve(args.size() + 1);
    data.emplace_back(event);
    for (auto& arg : args) data.push_back(std::move(arg));
    SioPacket packet;
    packet.type = SioType::kEvent;
    packet.data = std::move(data);
    packet.attachments = std::move(attachments);
    send(std::move(packet));
}

void Socket::ack(std::uint64_t id, json::array args, std::vector<std::string> attachments) {
    SioPacket packet;
    packet.type = SioType::kAck;
    packet.id = id;
    packet.data = std::move(args);
    packet.attachments = std::move(attachments);
    send(std::move(packet));
}

void Socket::join(const std::string& room) {
    if (connected_) server_.join(*this, room);
}

void Socket::disconnect() {
    if (!connected_) return;
    SioPacket packet;
    packet.type = SioType::kDisconnect;
    send(std::move(packet));
    server_.remove_socket(shared_from_this(), "server namespace disconnect");
}

// ---- SocketServer --------------------------------------------------------------------------

void SocketServer::on_open(const std::shared_ptr<EngineSession>& session) {
    auto client = std::make_unique<Client>(session->executor());
    client->connect_timer.expires_after(options_.connect_timeout);
    client->connect_timer.async_wait([weak = std::weak_ptr<EngineSession>(session)](boost::system::error_code ec) {
        const auto s = weak.lock();
        if (ec || !s || s->closed() || !s->data) return;
        auto& c = static_cast<Client&>(*s->data);
        if (c.sockets.empty()) s->close("connect timeout");
    });
    session->data = std::move(client);
}

void SocketServer::on_message(const std::shared_ptr<EngineSession>& session, EioPacket packet) {
    auto& client = static_cast<Client&>(*session->data);
    if (packet.binary) {
        if (!client.partial) {
            session->close("parse error");
            return;
        }
        client.partial->attachments.push_back(std::move(packet.data));
        if (client.partial->attachments.size() == client.partial->attachment_count) {
            SioPacket complete = std::move(*client.partial);
            client.partial.reset();
            handle_packet(session, client, std::move(complete));
        }
        return;
    }
    auto parsed = decode_sio(packet.data);
    if (!parsed || client.partial) {
        session->close("parse error");
        return;
    }
    if (parsed->attachment_count > 0) {
        client.partial = std::move(*parsed);
        return;
    }
    handle_packet(session, client, std::move(*parsed));
}

void SocketServer::on_close(const std::shared_ptr<EngineSession>& session, std::string_view reason) {
    if (!session->data) return;
    auto& client = static_cast<Client&>(*session->data);
    client.connect_timer.cancel();
    client.partial.reset();
    const auto sockets = client.sockets;
    for (const auto& [nsp, socket] : sockets) remove_socket(socket, reason);
}

void SocketServer::handle_packet(const std::shared_ptr<EngineSession>& session, Client& client, SioPacket packet) {
    switch (packet.type) {
        case SioType::kConnect:
            connect(session, client, std::move(packet));
            return;
        case SioType::kDisconnect: {
            const auto it = client.sockets.find(packet.nsp);
            if (it != client.sockets.end()) remove_socket(it->second, "client namespace disconnect");
            return;
        }
        case SioType::kEvent:
        case SioType::kBinaryEvent: {
            const auto it = client.sockets.find(packet.nsp);
            if (it == client.sockets.end()) return;  // not connected to that namespace: ignored, as the reference does
            auto& args = packet.data->as_array();
            Socket::Incoming incoming;
            incoming.event = std::string(args.front().as_string());
            args.erase(args.begin());
            incoming.args = std::move(args);
            incoming.attachments = std::move(packet.attachments);
            incoming.ack_id = packet.id;
            dispatch(it->second, std::move(incoming));
            return;
        }
        case SioType::kAck:
        case SioType::kBinaryAck:
            return;  // the server never asks clients for acknowledgements
        case SioType::kConnectError:
            session->close("parse error");
            return;
    }
}

void SocketServer::connect(const std::shared_ptr<EngineSession>& session, Client& client, SioPacket packet) {
    if (!namespaces_.contains(packet.nsp)) {
        SioPacket refusal;
        refusal.type = SioType::kConnectError;
        refusal.nsp = packet.nsp;
        refusal.data = json::object{{"message", "Invalid namespace"}};
        session->send(encode_sio(refusal));
        return;
    }
    if (client.sockets.contains(packet.nsp) || client.connecting.contains(packet.nsp)) return;
    json::value auth = packet.data ? std::move(*packet.data) : json::value(json::object{});
    auto socket = std::make_shared<Socket>(*this, core::random_token(15), packet.nsp, session, std::move(auth));
    client.connecting.insert(packet.nsp);
    net::co_spawn(session->executor(), run_connect(session, std::move(socket)),
                  [](std::exception_ptr e) { log_failure("socket.io connect failed", e); });
}

net::awaitable<void> SocketServer::run_connect(std::shared_ptr<EngineSession> session, std::shared_ptr<Socket> socket) {
    const Namespace& space = namespaces_.at(socket->nsp());
    std::optional<ConnectRefusal> refusal;
    if (space.authorize) {
        auto op = space.authorize(socket);
        refusal = co_await std::move(op);
    }
    if (session->closed()) co_return;
    auto& client = static_cast<Client&>(*session->data);
    client.connecting.erase(socket->nsp());
    SioPacket reply;
    reply.nsp = socket->nsp();
    if (refusal) {
        reply.type = SioType::kConnectError;
        json::object body{{"message", refusal->message}};
        if (refusal->data) body["data"] = *refusal->data;
        reply.data = std::move(body);
        session->send(encode_sio(reply));
        co_return;
    }
    client.sockets[socket->nsp()] = socket;
    client.connect_timer.cancel();
    reply.type = SioType::kConnect;
    reply.data = json::object{{"sid", socket->id()}};
    session->send(encode_sio(reply));
    if (space.on_connect) space.on_connect(socket);
}

void SocketServer::remove_socket(std::shared_ptr<Socket> socket, std::string_view reason) {
    if (!socket->connected_) return;
    socket->connected_ = false;
    socket->inbox_.clear();
    leave_all(*socket);
    if (const auto session = socket->session(); session && session->data) {
        static_cast<Client&>(*session->data).sockets.erase(socket->nsp());
    }
    const auto ns = namespaces_.find(socket->nsp());
    if (ns != namespaces_.end() && ns->second.on_disconnect) ns->second.on_disconnect(socket, reason);
}

void SocketServer::dispatch(const std::shared_ptr<Socket>& socket, Socket::Incoming incoming) {
    if (socket->inbox_.size() >= options_.max_pending_events) {
        // The client sends faster than its events can be handled: cut it off rather than
        // queue without bound.
        if (const auto session = socket->session()) session->close("too many pending events");
        return;
    }
    socket->inbox_.push_back(std::move(incoming));
    if (socket->handling_) return;
    const auto session = socket->session();
    if (!session) return;
    socket->handling_ = true;
    net::co_spawn(session->executor(), drain_inbox(socket),
                  [](std::exception_ptr e) { log_failure("socket.io event handling failed", e); });
}

net::awaitable<void> SocketServer::drain_inbox(std::shared_ptr<Socket> socket) {
    const auto ns = namespaces_.find(socket->nsp());
    while (!socket->inbox_.empty() && socket->connected_) {
        Socket::Incoming incoming = std::move(socket->inbox_.front());
        socket->inbox_.pop_front();
        if (ns == namespaces_.end()) continue;
        const auto handler = ns->second.events.find(incoming.event);
        if (handler == ns->second.events.end()) continue;  // unknown events are ignored, as the reference does
        EventCall call{std::move(incoming.event), std::move(incoming.args), std::move(incoming.attachments),
                       incoming.ack_id};
        std::string failure;
        try {
            auto op = handler->second(socket, std::move(call));
            co_await std::move(op);
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (!failure.empty()) core::log::error("socket event handler failed", {{"error", failure}});
    }
    socket->handling_ = false;
}

void SocketServer::join(Socket& socket, const std::string& room) {
    std::lock_guard lock(rooms_mutex_);
    auto& members = rooms_[room_key(socket.nsp(), room)];
    if (members.emplace(socket.id(), socket.session_).second) socket.rooms_.push_back(room);
}

void SocketServer::leave_all(Socket& socket) {
    std::lock_guard lock(rooms_mutex_);
    for (const auto& room : socket.rooms_) {
        const auto it = rooms_.find(room_key(socket.nsp(), room));
        if (it == rooms_.end()) continue;
        it->second.erase(socket.id());
        if (it->second.empty()) rooms_.erase(it);
    }
    socket.rooms_.clear();
}

std::size_t SocketServer::room_size(const std::string& nsp, const std::string& room) const {
    std::lock_guard lock(rooms_mutex_);
    const auto it = rooms_.find(room_key(nsp, room));
    return it == rooms_.end() ? 0 : it->second.size();
}

std::vector<EioPacket> SocketServer::encode_event(const std::string& nsp, std::string_view event,
                                                  const json::array& args) {
    json::array data;
    data.reserve(args.size() + 1);
    data.emplace_back(event);
    for (const auto& arg : args) data.push_back(arg);
    SioPacket packet;
    packet.type = SioType::kEvent;
    packet.nsp = nsp;
    packet.data = std::move(data);
    return encode_sio(packet);
}

void SocketServer::emit_to_room(const std::string& nsp, const std::string& room, std::string_view event,
                                const json::array& args) {
    deliver_to_room(nsp, room, encode_event(nsp, event, args));
}

void SocketServer::deliver_to_room(const std::string& nsp, const std::string& room,
                                   const std::vector<EioPacket>& packets) {
    std::vector<std::shared_ptr<EngineSession>> targets;
    {
        std::lock_guard lock(rooms_mutex_);
        const auto it = rooms_.find(room_key(nsp, room));
        if (it == rooms_.end()) return;
        targets.reserve(it->second.size());
        for (const auto& [id, weak] : it->second) {
            if (auto session = weak.lock()) targets.push_back(std::move(session));
        }
    }
    if (targets.empty()) return;
    const auto shared = std::make_shared<const std::vector<EioPacket>>(packets);
    for (auto& session : targets) {
        net::post(session->executor(), [session, shared] { session->send(*shared); });
    }
}

}  // namespace service::realtime

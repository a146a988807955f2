#include "realtime/engine.hpp"

#include <boost/beast/websocket.hpp>
#include <boost/json/object.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"

namespace service::realtime {
namespace websocket = beast::websocket;
namespace {

// The reference server's error codes, answered with HTTP 400 and {"code", "message"}.
enum ErrorCode {
    kUnknownTransport = 0,
    kUnknownSid = 1,
    kBadHandshakeMethod = 2,
    kBadRequest = 3,
    kUnsupportedVersion = 5,
};

std::string_view error_message(int code) {
    switch (code) {
        case kUnknownTransport:
            return "Transport unknown";
        case kUnknownSid:
            return "Session ID unknown";
        case kBadHandshakeMethod:
            return "Bad handshake method";
        case kUnsupportedVersion:
            return "Unsupported protocol version";
        default:
            return "Bad request";
    }
}

core::Response error_response(int code) {
    boost::json::object body;
    body["code"] = code;
    body["message"] = error_message(code);
    core::Response res = core::json_response(http::status::bad_request, body);
    res.set(http::field::cache_control, "no-store");
    return res;
}

core::Response text_answer(std::string body) {
    core::Response res = core::text_response(http::status::ok, std::move(body), "text/plain; charset=UTF-8");
    res.set(http::field::cache_control, "no-store");
    return res;
}

// Which request this is, or the Engine.IO error code that refuses it.
struct Query {
    int error = -1;
    std::string transport;
    std::optional<std::string> sid;
};

Query read_query(const core::Request& req) {
    Query q;
    if (req.query_param("EIO").value_or("") != "4") {
        q.error = kUnsupportedVersion;
        return q;
    }
    q.transport = req.query_param("transport").value_or("");
    if (q.transport != "polling" && q.transport != "websocket") {
        q.error = kUnknownTransport;
        return q;
    }
    q.sid = req.query_param("sid");
    return q;
}

void prepare(EngineSession::WebSocket& ws, std::size_t max_payload) {
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = std::chrono::seconds(10);
    timeouts.idle_timeout = websocket::stream_base::none();  // the Engine.IO heartbeat watches liveness
    timeouts.keep_alive_pings = false;
    ws.set_option(timeouts);
    ws.read_message_max(max_payload);
}

// Moves the connection's socket onto `strand`, so every handler of the WebSocket (Beast's
// timers included) runs where the session's state lives.
std::optional<tcp::socket> rebind(beast::tcp_stream& stream, const net::any_io_executor& strand) {
    boost::system::error_code ec;
    auto& socket = stream.socket();
    const auto protocol = socket.local_endpoint(ec).protocol();
    if (ec) return std::nullopt;
    const auto fd = socket.release(ec);
    if (ec) return std::nullopt;
    tcp::socket moved(strand);
    moved.assign(protocol, fd, ec);
    if (ec) return std::nullopt;
    return moved;
}

}  // namespace

// ---- EngineSession ----------------------------------------------------------------------

EngineSession::EngineSession(Engine& engine, net::any_io_executor strand, std::string id, boost::asio::ip::address peer)
    : engine_(engine),
      strand_(strand),
      id_(std::move(id)),
      peer_(std::move(peer)),
      poll_wake_(strand),
      write_wake_(strand),
      heartbeat_timer_(strand) {}

void EngineSession::send(EioPacket packet) {
    if (closed_) return;
    enqueue(std::move(packet));
    if (outbox_bytes_ > engine_.options().max_buffered) {
        close_as("send buffer overflow", false);
        return;
    }
    wake();
}

void EngineSession::send(std::vector<EioPacket> packets) {
    if (closed_) return;
    for (auto& packet : packets) enqueue(std::move(packet));
    if (outbox_bytes_ > engine_.options().max_buffered) {
        close_as("send buffer overflow", false);
        return;
    }
    wake();
}

void EngineSession::enqueue(EioPacket packet) {
    outbox_bytes_ += packet.data.size() + 1;
    outbox_.push_back(std::move(packet));
}

EioPacket EngineSession::dequeue() {
    EioPacket packet = std::move(outbox_.front());
    outbox_.pop_front();
    outbox_bytes_ -= packet.data.size() + 1;
    return packet;
}

void EngineSession::wake() {
    if (transport_ == Transport::kPolling) {
        poll_wake_.cancel();
    } else {
        write_wake_.cancel();
    }
}

void EngineSession::close(std::string_view reason) { close_as(reason, false); }

void EngineSession::close_as(std::string_view reason, bool by_client) {
    if (closed_) return;
    closed_ = true;
    closed_by_client_ = by_client;
    engine_.remove(id_);
    heartbeat_timer_.cancel();
    poll_wake_.cancel();
    write_wake_.cancel();
    const auto self = shared_from_this();
    engine_.handler().on_close(self, reason);
}

void EngineSession::open(Transport transport) {
    transport_ = transport;
    enqueue(EioPacket::text(EioType::kOpen, engine_.open_packet(id_, transport == Transport::kPolling)));
    const auto self = shared_from_this();
    if (transport == Transport::kWebSocket) {
        net::co_spawn(strand_, write_websocket(ws_), [self](std::exception_ptr e) {
            if (e) core::log::warn("websocket writer failed", {{"error", core::log::describe(e)}});
        });
    }
    net::co_spawn(strand_, heartbeat(), [self](std::exception_ptr e) {
        if (e) core::log::warn("heartbeat failed", {{"error", core::log::describe(e)}});
    });
    engine_.handler().on_open(self);
}

void EngineSession::handle(EioPacket packet) {
    if (closed_) return;
    if (packet.binary) {
        engine_.handler().on_message(shared_from_this(), std::move(packet));
        return;
    }
    switch (packet.type) {
        case EioType::kPong:
            if (awaiting_pong_) {
                awaiting_pong_ = false;
                heartbeat_timer_.cancel();
            }
            break;
        case EioType::kMessage:
            engine_.handler().on_message(shared_from_this(), std::move(packet));
            break;
        case EioType::kClose:
            close_as("forced close", true);
            break;
        case EioType::kNoop:
        case EioType::kPing:  // v4 clients answer pings; they never send them (probes aside)
            break;
        case EioType::kOpen:
        case EioType::kUpgrade:
            close_as("parse error", false);
            break;
    }
}

net::awaitable<void> EngineSession::heartbeat() {
    const auto self = shared_from_this();
    const auto& options = engine_.options();
    while (!closed_) {
        heartbeat_timer_.expires_after(options.ping_interval);
        co_await heartbeat_timer_.async_wait(kUseTuple);
        if (closed_) break;
        awaiting_pong_ = true;
        send(EioPacket::text(EioType::kPing));
        // The pong cancels the wait. While an upgrade is in progress the ping waits in the
        // buffer for the new transport, so the heartbeat does not count that time.
        do {
            heartbeat_timer_.expires_after(options.ping_timeout);
            co_await heartbeat_timer_.async_wait(kUseTuple);
        } while (awaiting_pong_ && upgrading_ && !closed_);
        if (closed_) break;
        if (awaiting_pong_) {
            close_as("ping timeout", false);
            break;
        }
    }
}

net::awaitable<EngineSession::HttpAnswer> EngineSession::poll() {
    const auto self = shared_from_this();
    if (closed_) co_return HttpAnswer{http::status::bad_request, kUnknownSid, {}};
    if (transport_ == Transport::kWebSocket) co_return HttpAnswer{http::status::bad_request, kBadRequest, {}};
    if (poll_pending_) {
        // Two concurrent GETs: the reference closes the session; the first poll gets "close".
        close_as("multiple poll requests", false);
        co_return HttpAnswer{http::status::bad_request, kBadRequest, {}};
    }
    poll_pending_ = true;
    while (!closed_ && !upgrading_ && transport_ == Transport::kPolling && outbox_.empty()) {
        poll_wake_.expires_at(net::steady_timer::time_point::max());
        co_await poll_wake_.async_wait(kUseTuple);
    }
    poll_pending_ = false;
    if (closed_) co_return HttpAnswer{http::status::ok, -1, closed_by_client_ ? "6" : "1"};
    // An upgrade is under way (or done): end this poll with a noop, keep the buffer for the WebSocket.
    if (upgrading_ || transport_ == Transport::kWebSocket) co_return HttpAnswer{http::status::ok, -1, "6"};
    std::vector<EioPacket> packets(std::make_move_iterator(outbox_.begin()), std::make_move_iterator(outbox_.end()));
    outbox_.clear();
    outbox_bytes_ = 0;
    co_return HttpAnswer{http::status::ok, -1, encode_eio_payload(packets)};
}

net::awaitable<EngineSession::HttpAnswer> EngineSession::post(std::string body) {
    const auto self = shared_from_this();
    if (closed_) co_return HttpAnswer{http::status::bad_request, kUnknownSid, {}};
    if (transport_ == Transport::kWebSocket) co_return HttpAnswer{http::status::bad_request, kBadRequest, {}};
    auto packets = decode_eio_payload(body);
    if (!packets) {
        close_as("parse error", false);
        co_return HttpAnswer{http::status::bad_request, kBadRequest, {}};
    }
    for (auto& packet : *packets) {
        if (closed_) break;
        handle(std::move(packet));
    }
    co_return HttpAnswer{http::status::ok, -1, "ok"};
}

net::awaitable<bool> EngineSession::may_upgrade() {
    if (closed_ || transport_ != Transport::kPolling || upgrade_attempted_) co_return false;
    upgrade_attempted_ = true;
    co_return true;
}

net::awaitable<void> EngineSession::run_websocket(std::shared_ptr<WebSocket> ws) {
    const auto self = shared_from_this();
    if (transport_ == Transport::kPolling) {
        co_await probe_websocket(ws);
        if (ws_ != ws) co_return;
    }
    co_await read_websocket(ws);
}

net::awaitable<void> EngineSession::probe_websocket(std::shared_ptr<WebSocket> ws) {
    // The client proves the WebSocket works ("2probe" → "3probe"), waits for its pending poll
    // to end (we answer it with a noop), then switches ("5"). Anything else abandons the upgrade.
    beast::get_lowest_layer(*ws).expires_after(engine_.options().upgrade_timeout);
    beast::flat_buffer buffer;
    bool upgraded = false;
    auto [ec, n] = co_await ws->async_read(buffer, kUseTuple);
    if (!ec && !closed_ && ws->got_text() && beast::buffers_to_string(buffer.data()) == "2probe") {
        buffer.consume(buffer.size());
        ws->text(true);
        const std::string reply = "3probe";
        auto [write_ec, written] = co_await ws->async_write(net::buffer(reply), kUseTuple);
        if (!write_ec && !closed_) {
            upgrading_ = true;
            poll_wake_.cancel();
            auto [read_ec, read] = co_await ws->async_read(buffer, kUseTuple);
            upgraded = !read_ec && !closed_ && ws->got_text() && beast::buffers_to_string(buffer.data()) == "5";
        }
    }
    upgrading_ = false;
    if (!upgraded) {
        upgrade_attempted_ = false;
        beast::get_lowest_layer(*ws).close();
        co_return;
    }
    beast::get_lowest_layer(*ws).expires_never();
    transport_ = Transport::kWebSocket;
    ws_ = ws;
    const auto self = shared_from_this();
    net::co_spawn(strand_, write_websocket(ws), [self](std::exception_ptr e) {
        if (e) core::log::warn("websocket writer failed", {{"error", core::log::describe(e)}});
    });
}

net::awaitable<void> EngineSession::read_websocket(std::shared_ptr<WebSocket> ws) {
    const auto self = shared_from_this();
    beast::flat_buffer buffer;
    while (!closed_) {
        auto [ec, n] = co_await ws->async_read(buffer, kUseTuple);
        if (ec) {
            close_as(ec == websocket::error::message_too_big ? "payload too large" : "transport close", false);
            break;
        }
        if (ws->got_text()) {
            const auto* begin = static_cast<const char*>(buffer.data().data());
            auto packet = decode_eio_text(std::string_view(begin, buffer.size()));
            if (!packet) {
                close_as("parse error", false);
                break;
            }
            handle(std::move(*packet));
        } else {
            handle(EioPacket::bytes(beast::buffers_to_string(buffer.data())));
        }
        buffer.consume(buffer.size());
    }
}

net::awaitable<void> EngineSession::write_websocket(std::shared_ptr<WebSocket> ws) {
    const auto self = shared_from_this();
    while (true) {
        while (!outbox_.empty() && ws_ == ws) {
            EioPacket packet = dequeue();
            ws->text(!packet.binary);
            const std::string frame = packet.binary ? std::move(packet.data) : encode_eio_text(packet);
            auto [ec, n] = co_await ws->async_write(net::buffer(frame), kUseTuple);
            if (ec) {
                close_as("transport error", false);
                co_return;
            }
        }
        if (closed_) break;
        write_wake_.expires_at(net::steady_timer::time_point::max());
        co_await write_wake_.async_wait(kUseTuple);
    }
    const websocket::close_reason reason(going_away_ ? websocket::close_code::going_away
                                                     : websocket::close_code::normal);
    beast::get_lowest_layer(*ws).expires_after(std::chrono::seconds(5));
    co_await ws->async_close(reason, kUseTuple);
}

// ---- Engine -------------------------------------------------------------------------------

Engine::Engine(net::io_context& ioc, EngineOptions options, EngineHandler& handler)
    : ioc_(ioc), options_(options), handler_(handler) {}

std::string Engine::open_packet(const std::string& sid, bool polling) const {
    // Key order matters to some clients: exactly these five, in this order.
    return "{\"sid\":\"" + sid + "\",\"upgrades\":" + (polling ? "[\"websocket\"]" : "[]") +
           ",\"pingInterval\":" + std::to_string(options_.ping_interval.count()) +
           ",\"pingTimeout\":" + std::to_string(options_.ping_timeout.count()) +
           ",\"maxPayload\":" + std::to_string(options_.max_payload) + "}";
}

std::shared_ptr<EngineSession> Engine::create(net::any_io_executor strand, boost::asio::ip::address peer) {
    auto session = std::make_shared<EngineSession>(*this, std::move(strand), core::random_token(15), std::move(peer));
    std::lock_guard lock(mutex_);
    sessions_.emplace(session->id(), session);
    return session;
}

std::shared_ptr<EngineSession> Engine::find(std::string_view sid) const {
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(std::string(sid));
    return it == sessions_.end() ? nullptr : it->second;
}

void Engine::remove(const std::string& sid) {
    std::lock_guard lock(mutex_);
    sessions_.erase(sid);
}

std::size_t Engine::session_count() const {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

void Engine::stop() {
    std::vector<std::shared_ptr<EngineSession>> all;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [id, session] : sessions_) all.push_back(session);
    }
    for (auto& session : all) {
        net::post(session->executor(), [session] {
            session->going_away_ = true;
            session->close("server shutting down");
        });
    }
}

net::awaitable<core::Response> Engine::handle_http(core::Request& req) {
    const auto query = read_query(req);
    if (query.error >= 0) co_return error_response(query.error);
    if (query.transport != "polling") co_return error_response(kBadRequest);  // a WebSocket needs an upgrade
    const auto method = req.message.method();
    if (!query.sid) {
        if (method != http::verb::get) co_return error_response(kBadHandshakeMethod);
        auto strand = net::make_strand(ioc_);
        const auto session = create(strand, req.client_ip);
        auto start = [](std::shared_ptr<EngineSession> s) -> net::awaitable<EngineSession::HttpAnswer> {
            s->open(EngineSession::Transport::kPolling);
            co_return co_await s->poll();
        };
        auto op = start(session);
        const auto answer = co_await net::co_spawn(session->executor(), std::move(op), net::use_awaitable);
        if (answer.error_code >= 0) co_return error_response(answer.error_code);
        co_return text_answer(answer.body);
    }
    const auto session = find(*query.sid);
    if (!session) co_return error_response(kUnknownSid);
    EngineSession::HttpAnswer answer;
    if (method == http::verb::get) {
        auto op = session->poll();
        answer = co_await net::co_spawn(session->executor(), std::move(op), net::use_awaitable);
    } else if (method == http::verb::post) {
        auto op = session->post(std::move(req.message.body()));
        answer = co_await net::co_spawn(session->executor(), std::move(op), net::use_awaitable);
    } else {
        co_return error_response(kBadRequest);
    }
    if (answer.error_code >= 0) co_return error_response(answer.error_code);
    if (method == http::verb::post) {
        core::Response res = core::text_response(http::status::ok, answer.body, "text/html");
        res.set(http::field::cache_control, "no-store");
        co_return res;
    }
    co_return text_answer(answer.body);
}

net::awaitable<void> Engine::handle_websocket(beast::tcp_stream& stream, core::Request& req) {
    const auto query = read_query(req);
    int refused = query.error;
    if (refused < 0 && query.transport != "websocket") refused = kBadRequest;
    std::shared_ptr<EngineSession> session;
    if (refused < 0 && query.sid) {
        session = find(*query.sid);
        if (!session) {
            refused = kUnknownSid;
        } else {
            auto check = session->may_upgrade();
            if (!co_await net::co_spawn(session->executor(), std::move(check), net::use_awaitable)) {
                // Already upgraded (or upgrading): like the reference, accept the WebSocket and close it.
                EngineSession::WebSocket ws(std::move(stream));
                prepare(ws, options_.max_payload);
                auto [ec] = co_await ws.async_accept(req.message, kUseTuple);
                if (!ec) co_await ws.async_close(beast::websocket::close_code::normal, kUseTuple);
                co_return;
            }
        }
    }
    if (refused >= 0) {
        core::Response res = error_response(refused);
        res.keep_alive(false);
        stream.expires_after(std::chrono::seconds(5));
        co_await http::async_write(stream, res, kUseTuple);
        co_return;
    }
    const net::any_io_executor strand = session ? session->executor() : net::make_strand(ioc_);
    auto socket = rebind(stream, strand);
    if (!socket) co_return;
    auto ws = std::make_shared<EngineSession::WebSocket>(std::move(*socket));
    prepare(*ws, options_.max_payload);
    if (session) {
        auto accept_and_run = [](std::shared_ptr<EngineSession> s, std::shared_ptr<EngineSession::WebSocket> w,
                                 http::request<http::string_body> upgrade) -> net::awaitable<void> {
            auto [ec] = co_await w->async_accept(upgrade, kUseTuple);
            if (ec) {
                s->upgrade_attempted_ = false;
                co_return;
            }
            co_await s->run_websocket(w);
        };
        auto op = accept_and_run(session, ws, std::move(req.message));
        co_await net::co_spawn(strand, std::move(op), net::use_awaitable);
        co_return;
    }
    auto op = serve_websocket(ws, std::move(req.message), strand, req.client_ip);
    co_await net::co_spawn(strand, std::move(op), net::use_awaitable);
}

net::awaitable<void> Engine::serve_websocket(std::shared_ptr<EngineSession::WebSocket> ws,
                                             http::request<http::string_body> upgrade, net::any_io_executor strand,
                                             boost::asio::ip::address peer) {
    auto [ec] = co_await ws->async_accept(upgrade, kUseTuple);
    if (ec) co_return;
    const auto session = create(std::move(strand), std::move(peer));
    session->ws_ = ws;
    session->open(EngineSession::Transport::kWebSocket);
    co_await session->read_websocket(ws);
}

}  // namespace service::realtime

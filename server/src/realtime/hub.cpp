#include "realtime/hub.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/log.hpp"

namespace service::realtime {
namespace json = boost::json;
namespace {

constexpr std::string_view kChannel = "service:realtime:v1";
constexpr auto kAnnounceEvery = std::chrono::seconds(10);
constexpr auto kForgetAfter = std::chrono::seconds(30);  // a node silent this long is gone (crash, partition)

ConnectRefusal unauthorized() { return ConnectRefusal{"unauthorized", json::value(json::object{{"code", 401}})}; }

std::string user_room(std::string_view user_id) { return "user:" + std::string(user_id); }

}  // namespace

struct Hub::SocketState {
    explicit SocketState(const net::any_io_executor& strand) : expiry(strand) {}
    SocketUser user;
    net::steady_timer expiry;
};

Hub::Hub(net::io_context& ioc, HubOptions options, Authenticator authenticator)
    : strand_(net::make_strand(ioc)),
      options_(std::move(options)),
      authenticator_(std::move(authenticator)),
      sockets_(SocketServerOptions{.connect_timeout = options_.connect_timeout}),
      engine_(ioc, options_.engine, sockets_),
      announce_timer_(strand_) {
    auto& space = sockets_.add_namespace("/");
    space.authorize = [this](std::shared_ptr<Socket> socket) { return authorize(std::move(socket)); };
    space.on_connect = [this](const std::shared_ptr<Socket>& socket) { connected(socket); };
    space.on_disconnect = [this](const std::shared_ptr<Socket>& socket, std::string_view) { disconnected(socket); };
    if (options_.redis && options_.redis_url) {
        std::vector<std::string> channels{std::string(kChannel)};
        subscriber_ = std::make_unique<infra::RedisSubscriber>(
            ioc, *options_.redis_url, std::move(channels),
            [this](std::string_view, std::string_view message) { on_cluster_message(message); },
            [this] {
                // Back on Redis: tell the others who is here and ask them to do the same.
                publish(json::serialize(json::object{{"n", options_.node_id}, {"t", "hello"}}));
                announce_all();
            });
    }
}

Hub::~Hub() = default;

void Hub::start() {
    if (!subscriber_) return;
    subscriber_->start();
    net::co_spawn(strand_, announce_periodically(), [](std::exception_ptr e) {
        if (e) core::log::warn("presence announcements stopped", {{"error", core::log::describe(e)}});
    });
}

void Hub::stop() {
    stopped_ = true;
    net::post(strand_, [this] { announce_timer_.cancel(); });
    if (subscriber_) subscriber_->stop();
    engine_.stop();
}

void Hub::on(std::string event, EventHandler handler) {
    auto [it, inserted] = handlers_.emplace(event, std::move(handler));
    if (!inserted) throw std::logic_error("socket event registered twice: " + event);
    const EventHandler* stored = &it->second;
    sockets_.add_namespace("/").events[event] = [this, stored](std::shared_ptr<Socket> socket, EventCall call) {
        return run_event(stored, std::move(socket), std::move(call));
    };
}

void Hub::on_presence(PresenceHandler handler) { presence_handlers_.push_back(std::move(handler)); }

net::awaitable<std::optional<ConnectRefusal>> Hub::authorize(std::shared_ptr<Socket> socket) {
    const auto& auth = socket->auth();
    const json::value* token = auth.is_object() ? auth.as_object().if_contains("token") : nullptr;
    if (token == nullptr || !token->is_string() || token->as_string().empty() || token->as_string().size() > 4096) {
        co_return unauthorized();
    }
    auto op = authenticator_(std::string(token->as_string()));
    const auto who = co_await std::move(op);
    if (!who) co_return unauthorized();
    const auto session = socket->session();
    if (!session) co_return unauthorized();
    auto state = std::make_shared<SocketState>(session->executor());
    state->user = who->user;
    // The access token's own expiry ends the socket; the client refreshes and reconnects.
    state->expiry.expires_after(who->expires_at - std::chrono::system_clock::now());
    socket->data = state;
    co_return std::nullopt;
}

void Hub::connected(const std::shared_ptr<Socket>& socket) {
    auto state = std::static_pointer_cast<SocketState>(socket->data);
    socket->join(user_room(state->user.user_id));
    state->expiry.async_wait([weak = std::weak_ptr<Socket>(socket)](boost::system::error_code ec) {
        const auto s = weak.lock();
        if (ec || !s || !s->connected()) return;
        json::array args;
        args.push_back(json::object{{"code", "token_expired"},
                                    {"message", "The access token expired: refresh it and connect again."}});
        s->emit("session:expired", std::move(args));
        s->disconnect();
    });
    std::lock_guard lock(presence_mutex_);
    if (++local_counts_[state->user.user_id] == 1) presence_changed_locked(state->user.user_id, true);
}

void Hub::disconnected(const std::shared_ptr<Socket>& socket) {
    auto state = std::static_pointer_cast<SocketState>(socket->data);
    if (!state) return;
    state->expiry.cancel();
    std::lock_guard lock(presence_mutex_);
    const auto it = local_counts_.find(state->user.user_id);
    if (it != local_counts_.end() && --it->second == 0) {
        local_counts_.erase(it);
        presence_changed_locked(state->user.user_id, false);
    }
}

// Called with presence_mutex_ held, so one user's online/offline messages and handler runs are
// queued on the strand in the order the counts changed, even when two of their sockets
// connect and disconnect on different threads. Only posts: nothing here waits.
void Hub::presence_changed_locked(const std::string& user_id, bool online) {
    json::array users;
    users.emplace_back(user_id);
    publish(json::serialize(
        json::object{{"n", options_.node_id}, {"t", "presence"}, {"u", std::move(users)}, {"o", online}}));
    // Another node still holding a socket of this user means nothing changed for the partners.
    if (remote_online(user_id, std::chrono::steady_clock::now())) return;
    if (presence_handlers_.empty()) return;
    // post, then co_spawn on the strand: nothing runs inline under the caller's lock.
    net::post(strand_, [this, user_id, online] {
        net::co_spawn(strand_, run_presence(user_id, online), [](std::exception_ptr e) {
            if (e) core::log::warn("presence handler failed", {{"error", core::log::describe(e)}});
        });
    });
}

net::awaitable<void> Hub::run_presence(std::string user_id, bool online) {
    for (const auto& handler : presence_handlers_) {
        auto op = handler(user_id, online);
        co_await std::move(op);
    }
}

net::awaitable<void> Hub::run_event(const EventHandler* handler, std::shared_ptr<Socket> socket, EventCall call) {
    const auto state = std::static_pointer_cast<SocketState>(socket->data);
    if (!state) co_return;
    json::value payload = call.args.empty() ? json::value(nullptr) : std::move(call.args.front());
    Ack ack;
    if (call.ack_id) {
        auto answered = std::make_shared<std::atomic<bool>>(false);
        ack = [weak = std::weak_ptr<Socket>(socket), id = *call.ack_id, answered](json::value value) {
            if (answered->exchange(true)) return;
            const auto s = weak.lock();
            if (!s) return;
            const auto session = s->session();
            if (!session) return;
            // post, not dispatch: events published before the ack (the sender's own
            // message:new) reach the client first.
            net::post(session->executor(), [s, id, value = std::move(value)]() mutable {
                json::array args;
                args.push_back(std::move(value));
                s->ack(id, std::move(args));
            });
        };
    } else {
        ack = [](json::value) {};
    }
    auto op = (*handler)(state->user, std::move(payload), std::move(ack));
    co_await std::move(op);
}

void Hub::to_user(std::string_view user_id, std::string_view event, const json::value& payload) {
    std::vector<std::string> users{std::string(user_id)};
    to_users(users, event, payload);
}

void Hub::to_users(const std::vector<std::string>& user_ids, std::string_view event, const json::value& payload) {
    if (user_ids.empty()) return;
    json::array args;
    args.push_back(payload);
    const auto packets = SocketServer::encode_event("/", event, args);
    json::array rooms;
    for (const auto& id : user_ids) {
        sockets_.deliver_to_room("/", user_room(id), packets);
        rooms.emplace_back(user_room(id));
    }
    bool peers = false;
    {
        std::lock_guard lock(presence_mutex_);
        peers = has_peers(std::chrono::steady_clock::now());
    }
    if (!peers) return;
    publish(json::serialize(
        json::object{{"n", options_.node_id}, {"t", "emit"}, {"r", std::move(rooms)}, {"e", event}, {"a", payload}}));
}

bool Hub::online(std::string_view user_id) const {
    const std::string id(user_id);
    std::lock_guard lock(presence_mutex_);
    if (local_counts_.contains(id)) return true;
    return remote_online(id, std::chrono::steady_clock::now());
}

std::size_t Hub::local_users() const {
    std::lock_guard lock(presence_mutex_);
    return local_counts_.size();
}

bool Hub::cluster_connected() const { return subscriber_ && subscriber_->connected(); }

bool Hub::remote_online(const std::string& user_id, std::chrono::steady_clock::time_point now) const {
    const auto it = remote_.find(user_id);
    if (it == remote_.end()) return false;
    for (const auto& [node, seen] : it->second) {
        if (now - seen < kForgetAfter) return true;
    }
    return false;
}

bool Hub::has_peers(std::chrono::steady_clock::time_point now) const {
    for (const auto& [node, seen] : peers_) {
        if (now - seen < kForgetAfter) return true;
    }
    return false;
}

void Hub::publish(std::string message) {
    if (!options_.redis || stopped_) return;
    // post keeps publishes in call order (a user's online before their offline) and never runs
    // inline, so callers may hold presence_mutex_.
    net::post(strand_, [this, message = std::move(message)]() mutable {
        net::co_spawn(strand_, publish_now(std::move(message)), net::detached);
    });
}

net::awaitable<void> Hub::publish_now(std::string message) {
    std::vector<std::vector<std::string>> commands;
    commands.push_back({"PUBLISH", std::string(kChannel), std::move(message)});
    // A lost publish while Redis is down is the accepted degradation: delivery stays local and
    // clients catch up over REST with after_seq.
    co_await options_.redis->execute(std::move(commands));
}

void Hub::announce_all() {
    json::array users;
    {
        std::lock_guard lock(presence_mutex_);
        for (const auto& [user, count] : local_counts_) users.emplace_back(user);
    }
    publish(json::serialize(json::object{{"n", options_.node_id}, {"t", "sync"}, {"u", std::move(users)}}));
}

net::awaitable<void> Hub::announce_periodically() {
    while (!stopped_) {
        announce_timer_.expires_after(kAnnounceEvery);
        co_await announce_timer_.async_wait(kUseTuple);
        if (stopped_) break;
        announce_all();
        // Forget what silent nodes said.
        const auto now = std::chrono::steady_clock::now();
        std::lock_guard lock(presence_mutex_);
        for (auto it = remote_.begin(); it != remote_.end();) {
            std::erase_if(it->second, [&](const auto& entry) { return now - entry.second >= kForgetAfter; });
            it = it->second.empty() ? remote_.erase(it) : std::next(it);
        }
    }
}

void Hub::on_cluster_message(std::string_view text) {
    boost::system::error_code ec;
    const auto value = json::parse(text, ec);
    if (ec || !value.is_object()) return;
    const auto& message = value.as_object();
    const auto* node = message.if_contains("n");
    const auto* type = message.if_contains("t");
    if (node == nullptr || !node->is_string() || type == nullptr || !type->is_string()) return;
    const std::string from(node->as_string());
    if (from == options_.node_id) return;
    const auto now = std::chrono::steady_clock::now();
    const std::string_view kind = type->as_string();
    {
        std::lock_guard lock(presence_mutex_);
        peers_[from] = now;
    }
    if (kind == "emit") {
        const auto* rooms = message.if_contains("r");
        const auto* event = message.if_contains("e");
        const auto* payload = message.if_contains("a");
        if (rooms == nullptr || !rooms->is_array() || event == nullptr || !event->is_string() || payload == nullptr) {
            return;
        }
        json::array args;
        args.push_back(*payload);
        const auto packets = SocketServer::encode_event("/", event->as_string(), args);
        for (const auto& room : rooms->as_array()) {
            if (room.is_string()) sockets_.deliver_to_room("/", std::string(room.as_string()), packets);
        }
    } else if (kind == "hello") {
        announce_all();
    } else if (kind == "presence" || kind == "sync") {
        const auto* users = message.if_contains("u");
        if (users == nullptr || !users->is_array()) return;
        const bool online =
            kind == "sync" || (message.if_contains("o") && message.at("o").is_bool() && message.at("o").as_bool());
        std::lock_guard lock(presence_mutex_);
        if (kind == "sync") {
            // A full list replaces what we knew from that node.
            for (auto& [user, nodes] : remote_) nodes.erase(from);
        }
        for (const auto& user : users->as_array()) {
            if (!user.is_string()) continue;
            const std::string id(user.as_string());
            if (online) {
                remote_[id][from] = now;
            } else if (const auto it = remote_.find(id); it != remote_.end()) {
                it->second.erase(from);
                if (it->second.empty()) remote_.erase(it);
            }
        }
    }
}

}  // namespace service::realtime

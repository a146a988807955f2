#include "infra/redis.hpp"

#include <hiredis/hiredis.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/url/parse.hpp>

#include "core/log.hpp"

namespace service::infra {
namespace {

using namespace boost::asio::experimental::awaitable_operators;

RedisReply convert(const redisReply* r) {
    RedisReply out;
    switch (r->type) {
        case REDIS_REPLY_STRING:
            out.type = RedisReply::Type::kString;
            out.str.assign(r->str, r->len);
            break;
        case REDIS_REPLY_STATUS:
            out.type = RedisReply::Type::kStatus;
            out.str.assign(r->str, r->len);
            break;
        case REDIS_REPLY_ERROR:
            out.type = RedisReply::Type::kError;
            out.str.assign(r->str, r->len);
            break;
        case REDIS_REPLY_INTEGER:
            out.type = RedisReply::Type::kInteger;
            out.integer = r->integer;
            break;
        case REDIS_REPLY_ARRAY:
            out.type = RedisReply::Type::kArray;
            for (std::size_t i = 0; i < r->elements; ++i) out.elements.push_back(convert(r->element[i]));
            break;
        default:
            out.type = RedisReply::Type::kNil;
            break;
    }
    return out;
}

// Resolves and connects `socket` (on its own executor) with a 2 s limit; shared by the
// command connection and the subscriber. The socket is a member of the client that runs this
// loop, so it outlives the coroutine; the URL is copied.
net::awaitable<boost::system::error_code> connect_socket(tcp::socket& socket, RedisUrl url) {
    tcp::resolver resolver(socket.get_executor());
    auto [rec, endpoints] = co_await resolver.async_resolve(url.host, url.port, kUseTuple);
    if (rec) co_return rec;
    net::steady_timer deadline(socket.get_executor(), std::chrono::seconds(2));
    auto result =
        co_await (net::async_connect(socket, endpoints, kUseTuple) || deadline.async_wait(net::use_awaitable));
    if (result.index() == 1) co_return boost::system::error_code(net::error::timed_out);
    co_return std::get<0>(std::get<0>(result));
}

struct ReaderDeleter {
    void operator()(redisReader* r) const { redisReaderFree(r); }
};

// Reads `socket` and hands every complete reply, converted, to `on_reply` until the connection
// fails or the server sends something that is not RESP; shared by the command connection and
// the subscriber. `on_reply` runs on the socket's executor, between reads.
template <class OnReply>
net::awaitable<void> read_replies(tcp::socket& socket, OnReply on_reply) {
    std::unique_ptr<redisReader, ReaderDeleter> reader(redisReaderCreate());
    std::array<char, std::size_t{16} * 1024> buffer{};
    for (;;) {
        auto [ec, n] = co_await socket.async_read_some(net::buffer(buffer), kUseTuple);
        if (ec) co_return;
        redisReaderFeed(reader.get(), buffer.data(), n);
        for (;;) {
            void* raw = nullptr;
            if (redisReaderGetReply(reader.get(), &raw) != REDIS_OK) co_return;  // protocol error
            if (raw == nullptr) break;                                           // needs more bytes
            RedisReply reply = convert(static_cast<redisReply*>(raw));
            freeReplyObject(raw);
            on_reply(std::move(reply));
        }
    }
}

}  // namespace

// One caller's batch. Everything in it belongs to the client's strand: the FIFO fills
// `replies`, and the caller waits on `timer` inside a coroutine running on that strand.
struct RedisClient::Pending {
    explicit Pending(const net::any_io_executor& ex) : timer(ex) {}
    net::steady_timer timer;
    std::string payload;
    std::size_t expected = 0;
    std::vector<RedisReply> replies;
    bool done = false;
    bool failed = false;

    void finish(bool ok) {
        if (done) return;
        done = true;
        failed = !ok;
        // Moving the expiry into the past (rather than cancel()) also wakes a caller that has
        // not started waiting yet.
        timer.expires_at(net::steady_timer::time_point::min());
    }
};

std::string encode_command(const std::vector<std::string>& args) {
    std::vector<const char*> argv;
    std::vector<std::size_t> lengths;
    argv.reserve(args.size());
    lengths.reserve(args.size());
    for (const auto& a : args) {
        argv.push_back(a.data());
        lengths.push_back(a.size());
    }
    char* raw = nullptr;
    // Explicit lengths: arguments are binary-safe (NUL bytes, CRLF, empty strings).
    const int n = redisFormatCommandArgv(&raw, static_cast<int>(args.size()), argv.data(), lengths.data());
    if (n < 0 || raw == nullptr) throw std::bad_alloc();
    std::string out(raw, static_cast<std::size_t>(n));
    redisFreeCommand(raw);
    return out;
}

std::optional<RedisUrl> parse_redis_url(std::string_view text) {
    auto parsed = boost::urls::parse_uri(text);
    if (!parsed || parsed->scheme() != "redis") return std::nullopt;
    RedisUrl url;
    if (!parsed->host().empty()) url.host = parsed->host();
    if (parsed->has_port()) url.port = parsed->port();
    if (parsed->has_password()) url.password = parsed->password();
    const auto path = parsed->path();
    if (path.size() > 1) {
        try {
            url.db = std::stoi(std::string(path.substr(1)));
        } catch (...) {
            return std::nullopt;
        }
    }
    return url;
}

RedisClient::RedisClient(net::io_context& ioc, RedisUrl url)
    : url_(std::move(url)), strand_(net::make_strand(ioc)), socket_(strand_) {}

RedisClient::~RedisClient() = default;

void RedisClient::start() {
    net::co_spawn(strand_, run(), [](std::exception_ptr e) {
        if (e) core::log::error("redis loop stopped", {{"error", core::log::describe(e)}});
    });
}

void RedisClient::stop() {
    stopped_ = true;
    net::post(strand_, [this] {
        boost::system::error_code ec;
        socket_.close(ec);
        fail_all();
    });
}

void RedisClient::fail_all() {
    while (!pending_.empty()) {
        auto p = std::move(pending_.front());
        pending_.pop_front();
        p->finish(false);
    }
    out_.clear();
}

net::awaitable<void> RedisClient::run() {
    auto backoff = std::chrono::milliseconds(100);
    bool warned = false;
    while (!stopped_) {
        boost::system::error_code ec = co_await connect_socket(socket_, url_);
        if (!ec) {
            socket_.set_option(tcp::no_delay(true), ec);
            // AUTH/SELECT go first through the same FIFO as any other command.
            std::string hello;
            if (!url_.password.empty()) hello += encode_command({"AUTH", url_.password});
            if (url_.db != 0) hello += encode_command({"SELECT", std::to_string(url_.db)});
            std::size_t hello_replies = (url_.password.empty() ? 0 : 1) + (url_.db != 0 ? 1 : 0);
            if (!hello.empty()) co_await net::async_write(socket_, net::buffer(hello), kUseTuple);
            connected_ = true;
            warned = false;
            backoff = std::chrono::milliseconds(100);
            core::log::info("redis connected", {{"host", url_.host}, {"port", url_.port}});
            if (!out_.empty() && !writing_) net::co_spawn(strand_, write_loop(), net::detached);

            co_await read_replies(socket_, [&](RedisReply reply) {
                if (hello_replies > 0) {
                    if (reply.type == RedisReply::Type::kError)
                        core::log::error("redis AUTH/SELECT failed", {{"error", reply.str}});
                    --hello_replies;
                } else if (!pending_.empty()) {
                    auto& front = pending_.front();
                    front->replies.push_back(std::move(reply));
                    if (front->replies.size() >= front->expected) {
                        auto p = std::move(front);
                        pending_.pop_front();
                        p->finish(true);
                    }
                }
            });
            connected_ = false;
            core::log::warn("redis connection lost; falling back until it returns");
        } else if (!warned) {
            core::log::warn("redis unavailable; rate limits are per node until it returns", {{"error", ec.message()}});
            warned = true;
        }
        boost::system::error_code ignored;
        socket_.close(ignored);
        fail_all();
        if (stopped_) break;
        net::steady_timer pause(strand_, backoff);
        co_await pause.async_wait(kUseTuple);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    }
}

net::awaitable<void> RedisClient::write_loop() {
    writing_ = true;
    while (!out_.empty() && connected_) {
        std::string data;
        data.swap(out_);
        auto [ec, n] = co_await net::async_write(socket_, net::buffer(data), kUseTuple);
        if (ec) {
            boost::system::error_code ignored;
            socket_.close(ignored);  // the reader notices and reconnects
            break;
        }
    }
    writing_ = false;
}

void RedisClient::enqueue(std::shared_ptr<Pending> pending) {
    if (!connected_ || stopped_) {
        pending->finish(false);
        return;
    }
    out_ += pending->payload;
    pending_.push_back(std::move(pending));
    if (!writing_) net::co_spawn(strand_, write_loop(), net::detached);
}

net::awaitable<std::optional<std::vector<RedisReply>>> RedisClient::execute(
    std::vector<std::vector<std::string>> commands, std::chrono::milliseconds timeout) {
    if (!connected_ || commands.empty()) co_return std::nullopt;
    auto pending = std::make_shared<Pending>(strand_);
    for (const auto& c : commands) pending->payload += encode_command(c);
    pending->expected = commands.size();
    // Named first: GCC 12 mishandles temporaries inside a co_await full-expression.
    auto op = wait_on_strand(std::move(pending), timeout);
    co_return co_await net::co_spawn(strand_, std::move(op), net::use_awaitable);
}

net::awaitable<std::optional<std::vector<RedisReply>>> RedisClient::wait_on_strand(std::shared_ptr<Pending> pending,
                                                                                   std::chrono::milliseconds timeout) {
    pending->timer.expires_after(timeout);
    enqueue(pending);
    co_await pending->timer.async_wait(kUseTuple);
    if (!pending->done) {
        // Too slow: the late reply is still paired with this entry and dropped.
        pending->done = true;
        co_return std::nullopt;
    }
    if (pending->failed) co_return std::nullopt;
    co_return std::move(pending->replies);
}

net::awaitable<std::optional<std::int64_t>> RedisClient::increment(std::string key, std::chrono::seconds ttl) {
    std::vector<std::vector<std::string>> commands;
    commands.push_back({"INCR", key});
    commands.push_back({"EXPIRE", key, std::to_string(ttl.count())});
    auto replies = co_await execute(std::move(commands));
    if (!replies || replies->empty() || (*replies)[0].type != RedisReply::Type::kInteger) co_return std::nullopt;
    co_return (*replies)[0].integer;
}

// ---- RedisSubscriber ----------------------------------------------------------------------

RedisSubscriber::RedisSubscriber(net::io_context& ioc, RedisUrl url, std::vector<std::string> channels, Handler handler,
                                 std::function<void()> on_connected)
    : url_(std::move(url)),
      channels_(std::move(channels)),
      handler_(std::move(handler)),
      on_connected_(std::move(on_connected)),
      strand_(net::make_strand(ioc)),
      socket_(strand_) {}

void RedisSubscriber::start() {
    net::co_spawn(strand_, run(), [](std::exception_ptr e) {
        if (e) core::log::error("redis subscriber stopped", {{"error", core::log::describe(e)}});
    });
}

void RedisSubscriber::stop() {
    stopped_ = true;
    net::post(strand_, [this] {
        boost::system::error_code ignored;
        socket_.close(ignored);
    });
}

net::awaitable<void> RedisSubscriber::run() {
    auto backoff = std::chrono::milliseconds(100);
    while (!stopped_) {
        boost::system::error_code ec = co_await connect_socket(socket_, url_);
        if (!ec && !stopped_) {
            std::string hello;
            if (!url_.password.empty()) hello += encode_command({"AUTH", url_.password});
            std::vector<std::string> subscribe{"SUBSCRIBE"};
            subscribe.insert(subscribe.end(), channels_.begin(), channels_.end());
            hello += encode_command(subscribe);  // the channel namespace ignores SELECT
            auto [wec, written] = co_await net::async_write(socket_, net::buffer(hello), kUseTuple);
            if (!wec) {
                std::size_t confirmations = 0;
                co_await read_replies(socket_, [&](const RedisReply& reply) {
                    if (reply.type != RedisReply::Type::kArray || reply.elements.size() != 3) return;
                    const auto& kind = reply.elements[0].str;
                    if (kind == "message") {
                        handler_(reply.elements[1].str, reply.elements[2].str);
                    } else if (kind == "subscribe" && ++confirmations == channels_.size()) {
                        connected_ = true;
                        backoff = std::chrono::milliseconds(100);
                        core::log::info("redis subscriber connected", {{"channels", channels_.size()}});
                        if (on_connected_) on_connected_();
                    }
                });
            }
            if (connected_)
                core::log::warn("redis subscriber lost its connection; fan-out is node-local until it returns");
            connected_ = false;
        }
        boost::system::error_code ignored;
        socket_.close(ignored);
        if (stopped_) break;
        net::steady_timer pause(strand_, backoff);
        co_await pause.async_wait(kUseTuple);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
    }
}

}  // namespace service::infra

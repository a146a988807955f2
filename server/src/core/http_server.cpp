#include "core/http_server.hpp"

#include <array>

#include <boost/asio/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/middleware.hpp"
#include "core/problem.hpp"

namespace service::core {
namespace {

// Decrements the connection count however the session coroutine ends.
struct ActiveGuard {
    std::atomic<std::size_t>& count;
    ~ActiveGuard() { --count; }
};

// Request::body_stream over the connection: each read waits at most `timeout` for the next
// bytes (an upload may take longer than one request's deadline as long as it keeps moving), and
// answers "100 Continue" first when the client asked for it.
class StreamedBody final : public BodyStream {
  public:
    StreamedBody(beast::tcp_stream& stream, beast::flat_buffer& buffer, http::request_parser<http::buffer_body>& parser,
                 std::chrono::seconds timeout)
        : stream_(stream), buffer_(buffer), parser_(parser), timeout_(timeout) {}

    net::awaitable<std::size_t> read_some(char* out, std::size_t size) override {
        if (!continue_sent_) {
            continue_sent_ = true;
            if (beast::iequals(parser_.get()[http::field::expect], "100-continue")) {
                static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                stream_.expires_after(timeout_);
                auto [ec, n] = co_await net::async_write(stream_, net::buffer(kContinue), kUseTuple);
                if (ec) throw ApiError::bad_request("The connection failed before the body: " + ec.message() + ".");
            }
        }
        while (!parser_.is_done() && size > 0) {
            auto& body = parser_.get().body();
            body.data = out;
            body.size = size;
            stream_.expires_after(timeout_);
            auto [ec, n] = co_await http::async_read_some(stream_, buffer_, parser_, kUseTuple);
            if (ec == http::error::need_buffer) ec = {};
            const std::size_t got = size - body.size;
            if (ec == beast::error::timeout) {
                throw ApiError(http::status::request_timeout, "request_timeout", "Request timeout",
                               "The body stopped arriving.");
            }
            if (ec) throw ApiError::bad_request("The request body could not be read: " + ec.message() + ".");
            if (got > 0) co_return got;
        }
        co_return 0;
    }

    bool done() const override { return parser_.is_done(); }

  private:
    beast::tcp_stream& stream_;
    beast::flat_buffer& buffer_;
    http::request_parser<http::buffer_body>& parser_;
    std::chrono::seconds timeout_;
    bool continue_sent_ = false;
};

}  // namespace

HttpServer::HttpServer(net::io_context& ioc, const Config& config, const Pipeline& pipeline)
    : ioc_(ioc), config_(config), pipeline_(pipeline), acceptor_(ioc) {}

std::uint16_t HttpServer::start() {
    const tcp::endpoint endpoint{net::ip::make_address(config_.bind_address), config_.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    net::co_spawn(ioc_, accept_loop(), [](std::exception_ptr e) {
        if (e) log::error("accept loop failed", {{"error", log::describe(e)}});
    });
    return acceptor_.local_endpoint().port();
}

void HttpServer::stop() {
    if (stopping_.exchange(true)) return;
    net::post(acceptor_.get_executor(), [this] {
        boost::system::error_code ec;
        acceptor_.close(ec);
    });
    std::lock_guard lock(sessions_mutex_);
    for (const auto& [id, entry] : sessions_) {
        // Runs on the session's strand, so it cannot race the session's own use of the stream.
        net::post(entry.executor, [this, id = id] {
            std::lock_guard inner(sessions_mutex_);
            const auto it = sessions_.find(id);
            if (it != sessions_.end() && *it->second.reading) it->second.stream->cancel();
        });
    }
}

net::awaitable<std::size_t> HttpServer::drain(std::chrono::steady_clock::duration timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    net::steady_timer timer(co_await net::this_coro::executor);
    while (active_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        timer.expires_after(std::chrono::milliseconds(20));
        co_await timer.async_wait(kUseTuple);
    }
    co_return active_.load();
}

std::uint64_t HttpServer::register_session(net::any_io_executor executor, beast::tcp_stream* stream,
                                           const bool* reading) {
    std::lock_guard lock(sessions_mutex_);
    const auto id = next_session_id_++;
    sessions_.emplace(id, SessionEntry{std::move(executor), stream, reading});
    return id;
}

void HttpServer::unregister_session(std::uint64_t id) {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(id);
}

net::awaitable<void> HttpServer::accept_loop() {
    while (!stopping_) {
        net::any_io_executor strand = net::make_strand(ioc_);
        auto [ec, socket] = co_await acceptor_.async_accept(strand, kUseTuple);
        if (ec) {
            if (stopping_ || ec == net::error::operation_aborted) co_return;
            log::warn("accept failed", {{"error", ec.message()}});
            // Out of file descriptors and the like: back off instead of spinning.
            net::steady_timer timer(ioc_, std::chrono::milliseconds(50));
            co_await timer.async_wait(kUseTuple);
            continue;
        }
        if (active_.load() >= static_cast<std::size_t>(config_.max_connections)) {
            boost::system::error_code ignored;
            socket.close(ignored);
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        ++active_;
        net::co_spawn(strand, session(beast::tcp_stream(std::move(socket))), [](std::exception_ptr e) {
            if (e) log::warn("connection ended with an error", {{"error", log::describe(e)}});
        });
    }
}

net::awaitable<bool> HttpServer::write_problem(beast::tcp_stream& stream, http::status status, std::string code,
                                               std::string title, std::string detail) {
    const auto request_id = random_uuid();
    Response res = problem_response(ApiError(status, std::move(code), std::move(title), std::move(detail)), request_id);
    res.set("X-Request-Id", request_id);
    apply_security_headers(res);
    res.keep_alive(false);
    stream.expires_after(config_.read_timeout);
    auto [ec, n] = co_await http::async_write(stream, res, kUseTuple);
    co_return !ec;
}

net::awaitable<void> HttpServer::linger(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, std::size_t{64} * 1024> sink{};
    stream.expires_after(std::chrono::seconds(2));
    std::size_t dropped = 0;
    while (dropped < std::size_t{64} * 1024 * 1024) {
        auto [ec, n] = co_await stream.async_read_some(net::buffer(sink), kUseTuple);
        if (ec) break;
        dropped += n;
    }
}

net::awaitable<void> HttpServer::session(beast::tcp_stream stream) {
    ActiveGuard guard{active_};
    bool reading = false;
    const auto id = register_session(co_await net::this_coro::executor, &stream, &reading);
    struct Unregister {
        HttpServer* self;
        std::uint64_t id;
        ~Unregister() { self->unregister_session(id); }
    } unregister{this, id};

    boost::system::error_code peer_ec;
    const auto peer = stream.socket().remote_endpoint(peer_ec).address();
    beast::flat_buffer buffer;

    while (!stopping_) {
        reading = true;
        if (buffer.size() == 0) {
            // Keep-alive idle time: waiting for the first byte of the next request.
            stream.expires_after(config_.idle_timeout);
            auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kUseTuple);
            if (ec) break;
            buffer.commit(n);
        }
        // A fresh parser per request (Beast 1.81 examples reuse one; that is a bug before 1.84).
        // The header first: the route decides whether the body is read here or streamed.
        http::request_parser<http::empty_body> header_parser;
        header_parser.header_limit(static_cast<std::uint32_t>(config_.header_limit));
        header_parser.body_limit(boost::none);  // checked below, once the route is known
        stream.expires_after(config_.read_timeout);
        auto [ec, n] = co_await http::async_read_header(stream, buffer, header_parser, kUseTuple);
        reading = false;
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
            ec == net::error::connection_reset || ec == net::error::eof) {
            break;
        }
        if (ec == http::error::header_limit) {
            co_await write_problem(stream, http::status::request_header_fields_too_large, "headers_too_large",
                                   "Request header fields too large",
                                   "The request header exceeds " + std::to_string(config_.header_limit) + " bytes.");
            break;
        }
        if (ec) {
            co_await write_problem(stream, http::status::bad_request, "bad_request", "Bad request",
                                   "The request is not valid HTTP/1.1: " + ec.message() + ".");
            break;
        }
        const std::string_view header_target = header_parser.get().target();
        const bool streamed = stream_predicate_ && stream_predicate_(header_parser.get().method(),
                                                                     header_target.substr(0, header_target.find('?')));

        Request req;
        std::optional<http::request_parser<http::buffer_body>> body_parser;
        std::optional<StreamedBody> body_stream;
        if (streamed) {
            req.message = http::request<http::string_body>(header_parser.get().base());
            body_parser.emplace(std::move(header_parser));
            body_parser->body_limit(boost::none);  // the handler stops where its own limit is
            body_stream.emplace(stream, buffer, *body_parser, config_.read_timeout);
            req.body_stream = &*body_stream;
        } else {
            const auto declared = header_parser.content_length();
            if (declared && *declared > config_.body_limit) {
                co_await write_problem(stream, http::status::payload_too_large, "payload_too_large",
                                       "Payload too large",
                                       "The request body exceeds " + std::to_string(config_.body_limit) + " bytes.");
                break;
            }
            http::request_parser<http::string_body> parser(std::move(header_parser));
            parser.body_limit(config_.body_limit);
            reading = true;
            auto [body_ec, body_n] = co_await http::async_read(stream, buffer, parser, kUseTuple);
            reading = false;
            if (body_ec == beast::error::timeout || body_ec == net::error::operation_aborted ||
                body_ec == net::error::connection_reset || body_ec == net::error::eof ||
                body_ec == http::error::partial_message) {
                break;
            }
            if (body_ec == http::error::body_limit) {
                co_await write_problem(stream, http::status::payload_too_large, "payload_too_large",
                                       "Payload too large",
                                       "The request body exceeds " + std::to_string(config_.body_limit) + " bytes.");
                break;
            }
            if (body_ec) {
                co_await write_problem(stream, http::status::bad_request, "bad_request", "Bad request",
                                       "The request is not valid HTTP/1.1: " + body_ec.message() + ".");
                break;
            }
            req.message = parser.release();
        }
        req.peer = peer;
        req.client_ip = peer;
        const std::string_view target = req.message.target();
        if (target.empty() || target.front() != '/') {
            co_await write_problem(stream, http::status::bad_request, "bad_request", "Bad request",
                                   "The request target must be an absolute path.");
            break;
        }
        const auto qmark = target.find('?');
        req.path = target.substr(0, qmark);
        req.query = qmark == std::string_view::npos ? std::string_view{} : target.substr(qmark + 1);

        if (beast::websocket::is_upgrade(req.message)) {
            const auto upgrade = upgrades_.find(req.path);
            if (upgrade != upgrades_.end()) {
                // The handler owns the connection from here on (it may move the socket away).
                co_await upgrade->second(stream, req);
                co_return;
            }
        }

        Response res;
        try {
            res = co_await pipeline_.run(req);
        } catch (const std::exception& e) {
            log::error("request failed outside the error middleware", {{"error", e.what()}});
            res = internal_error_response(req.request_id);
        }
        // A streamed body the handler did not read to its end leaves the connection unusable.
        const bool keep_alive = req.message.keep_alive() && !stopping_ && (!body_stream || body_stream->done());
        res.keep_alive(keep_alive);
        if (req.message.method() == http::verb::head && !res.body().empty()) {
            const auto length = res.body().size();
            res.body().clear();
            res.content_length(length);
        }
        stream.expires_after(config_.read_timeout);
        auto [write_ec, written] = co_await http::async_write(stream, res, kUseTuple);
        if (!write_ec && body_stream && !body_stream->done()) {
            // A refused upload is still arriving. Closing now would reset the connection and the
            // client could lose our answer (the 413) with it; read and drop the rest for a moment.
            co_await linger(stream);
            co_return;
        }
        if (write_ec || !keep_alive) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace service::core

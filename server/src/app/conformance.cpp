#include "app/conformance.hpp"

#include <boost/asio/signal_set.hpp>
#include <boost/json/array.hpp>

#include "core/http_server.hpp"
#include "core/log.hpp"
#include "core/middleware.hpp"
#include "core/problem.hpp"
#include "core/router.hpp"
#include "realtime/engine.hpp"
#include "realtime/mount.hpp"
#include "realtime/socketio.hpp"

namespace service::app {
namespace json = boost::json;
namespace {

// /engine.io/: every message goes straight back.
class EchoHandler final : public realtime::EngineHandler {
  public:
    void on_open(const std::shared_ptr<realtime::EngineSession>&) override {}
    void on_message(const std::shared_ptr<realtime::EngineSession>& session, realtime::EioPacket packet) override {
        session->send(std::move(packet));
    }
    void on_close(const std::shared_ptr<realtime::EngineSession>&, std::string_view) override {}
};

// The suite reads one frame per await: the reference server's CONNECT reply and this event
// reach it in separate reads because Node writes the second only after the first write's
// callback. A few milliseconds between the two frames gives the same effect here.
void emit_auth(const std::shared_ptr<realtime::Socket>& socket) {
    const auto session = socket->session();
    if (!session) return;
    auto timer = std::make_shared<net::steady_timer>(session->executor(), std::chrono::milliseconds(5));
    timer->async_wait([timer, socket](boost::system::error_code) {
        json::array args;
        args.push_back(socket->auth());
        socket->emit("auth", std::move(args));
    });
}

net::awaitable<void> message_back(std::shared_ptr<realtime::Socket> socket, realtime::EventCall call) {
    socket->emit("message-back", std::move(call.args), std::move(call.attachments));
    co_return;
}

net::awaitable<void> message_with_ack(std::shared_ptr<realtime::Socket> socket, realtime::EventCall call) {
    if (call.ack_id) socket->ack(*call.ack_id, std::move(call.args), std::move(call.attachments));
    co_return;
}

}  // namespace

int run_conformance(int port) {
    core::Config config;
    config.port = static_cast<std::uint16_t>(port);
    config.cors_origins = {"*"};
    config.body_limit = 1100000;
    config.max_connections = 1000;

    net::io_context ioc{1};
    realtime::EngineOptions options;
    options.ping_interval = std::chrono::milliseconds(300);
    options.ping_timeout = std::chrono::milliseconds(200);
    options.max_payload = 1000000;

    realtime::SocketServer sockets(realtime::SocketServerOptions{.connect_timeout = std::chrono::milliseconds(1000)});
    auto& main = sockets.add_namespace("/");
    main.on_connect = emit_auth;
    main.events["message"] = message_back;
    main.events["message-with-ack"] = message_with_ack;
    sockets.add_namespace("/custom").on_connect = emit_auth;
    EchoHandler echo;
    realtime::Engine socketio_engine(ioc, options, sockets);
    realtime::Engine echo_engine(ioc, options, echo);

    core::Router router;
    core::Pipeline pipeline([](core::Request& req) -> net::awaitable<core::Response> {
        if (req.route != nullptr) co_return co_await req.route->handler(req);
        throw core::ApiError::not_found("No such page: " + std::string(req.path));
    });
    pipeline.use(std::make_unique<core::CorsMiddleware>(config.cors_origins));
    pipeline.use(std::make_unique<core::ErrorMiddleware>());
    pipeline.use(std::make_unique<core::RoutingMiddleware>(router));

    // localhost may resolve to either address family; listen on both loopbacks.
    core::Config config6 = config;
    config6.bind_address = "::1";
    core::HttpServer server4(ioc, config, pipeline);
    core::HttpServer server6(ioc, config6, pipeline);
    realtime::add_routes(socketio_engine, "/socket.io/", router);
    realtime::add_routes(echo_engine, "/engine.io/", router);
    for (auto* server : {&server4, &server6}) {
        realtime::add_upgrade(socketio_engine, "/socket.io/", *server);
        realtime::add_upgrade(echo_engine, "/engine.io/", *server);
    }
    server4.start();
    try {
        server6.start();
    } catch (const std::exception& e) {
        core::log::warn("no IPv6 loopback; serving 127.0.0.1 only", {{"error", e.what()}});
    }
    core::log::info("conformance server ready", {{"url", "http://localhost:" + std::to_string(port)}});

    net::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code, int) {
        server4.stop();
        server6.stop();
        socketio_engine.stop();
        echo_engine.stop();
        ioc.stop();
    });
    ioc.run();
    return 0;
}

}  // namespace service::app

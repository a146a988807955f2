#include "realtime/mount.hpp"

namespace service::realtime {

void add_routes(Engine& engine, const std::string& path, core::Router& router) {
    for (const auto verb :
         {http::verb::get, http::verb::post, http::verb::put, http::verb::patch, http::verb::delete_}) {
        router.add(
            verb, path, [&engine](core::Request& req) { return engine.handle_http(req); },
            core::RouteOptions{.access = core::Access::kPublic, .rate_bucket = "none"});
    }
}

void add_upgrade(Engine& engine, const std::string& path, core::HttpServer& server) {
    server.on_upgrade(path, [&engine](beast::tcp_stream& stream, core::Request& req) {
        return engine.handle_websocket(stream, req);
    });
}

void mount(Engine& engine, const std::string& path, core::Router& router, core::HttpServer& server) {
    add_routes(engine, path, router);
    add_upgrade(engine, path, server);
}

}  // namespace service::realtime

#pragma once
#include <string>

#include "core/http_server.hpp"
#include "core/router.hpp"
#include "realtime/engine.hpp"

namespace service::realtime {

/// Serves `engine` at `path` ("/socket.io/"): long-polling through the router (every method,
/// so wrong ones get Engine.IO's own 400 instead of a 405; no rate limit, since a polling
/// client makes a request per message) and WebSocket upgrades through the HTTP server.
void mount(Engine& engine, const std::string& path, core::Router& router, core::HttpServer& server);
void add_routes(Engine& engine, const std::string& path, core::Router& router);
void add_upgrade(Engine& engine, const std::string& path, core::HttpServer& server);

}  // namespace service::realtime

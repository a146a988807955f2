#pragma once

namespace service::app {

/// `service-server conformance`: the reference behaviour the official Engine.IO and Socket.IO
/// protocol test suites expect on http://localhost:3000 (see docs/realtime.md). No database,
/// no Redis; runs in the foreground until SIGINT/SIGTERM.
int run_conformance(int port);

}  // namespace service::app

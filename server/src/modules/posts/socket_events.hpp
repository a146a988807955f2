#pragma once
#include "modules/posts/service.hpp"
#include "realtime/events.hpp"

namespace service::posts {

/// The posts module's Socket.IO events (live counts, see Watchers):
///   post:watch {ids: [uuid, …≤50]} → ack {status: "ok"}; then `post:updated {id, counts}`
///   post:unwatch {ids} → ack {status: "ok"}
/// A malformed payload is answered {status: "error", error: {code: "bad_request", message}}.
void register_events(realtime::EventRegistry& registry, Service& service);

}  // namespace service::posts

#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "infra/storage/storage.hpp"

/// What `service-server seed-demo` loads after the migrations (app.cpp's seed_demo): the demo
/// accounts and masters (server/demo/demo_data.sql), every demo master's portfolio and three
/// posts with photos drawn in code (demo_photos.hpp), then the social side
/// (server/demo/demo_social.sql): more demo clients, follows, friends, likes, comments,
/// reposts and the notifications about them. Idempotent: what exists is left as it is.
namespace service::demo {

/// Returns the exit code. `conninfo` is the database's, as the server connects.
int seed(const core::Config& config, std::string conninfo, infra::storage::Storage& storage, const core::Clock& clock);

}  // namespace service::demo

#include "app/app.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <future>
#include <iostream>

#include <boost/asio/signal_set.hpp>

#include "app/demo_seed.hpp"
#include "core/crypto.hpp"
#include "core/http_server.hpp"
#include "core/log.hpp"
#include "core/middleware.hpp"
#include "core/problem.hpp"
#include "core/static_files.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "infra/blocking.hpp"
#include "infra/images/image_pipeline.hpp"
#include "infra/jobs/builtin.hpp"
#include "infra/jobs/cli.hpp"
#include "infra/jobs/runner.hpp"
#include "infra/push/push.hpp"
#include "infra/redis.hpp"
#include "infra/storage/local_storage.hpp"
#include "infra/storage/s3_storage.hpp"
#include "migrations.hpp"
#include "modules/auth/module.hpp"
#include "modules/auth/password.hpp"
#include "modules/bookings/module.hpp"
#include "modules/categories/module.hpp"
#include "modules/chats/module.hpp"
#include "modules/favorites/module.hpp"
#include "modules/feed/module.hpp"
#include "modules/masters/module.hpp"
#include "modules/media/module.hpp"
#include "modules/notifications/module.hpp"
#include "modules/portfolio/module.hpp"
#include "modules/posts/module.hpp"
#include "modules/reviews/module.hpp"
#include "modules/schedule/module.hpp"
#include "modules/search/module.hpp"
#include "modules/services/module.hpp"
#include "modules/social/module.hpp"
#include "modules/system/module.hpp"
#include "modules/users/module.hpp"
#include "realtime/hub.hpp"
#include "realtime/mount.hpp"

namespace service::app {
namespace {

std::vector<db::Migration> embedded_migrations() {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : migrations::kAll) files.emplace_back(f.name, f.text);
    return db::migrations_from_files(files);
}

std::string conninfo_for(const core::Config& config) {
    // keepalives notice a dead server; statement_timeout is the server-side backstop for
    // queries the client stopped waiting for.
    std::string url = config.database_url;
    url += url.find('?') == std::string::npos ? "?" : "&";
    url +=
        "keepalives=1&keepalives_idle=30&tcp_user_timeout=10000&application_name=service-server"
        "&options=-c%20statement_timeout%3D" +
        std::to_string(config.db_statement_timeout.count());
    return url;
}

std::unique_ptr<infra::storage::Storage> make_storage(const core::Config& config, const core::Clock& clock) {
    if (config.storage_backend == "local") return std::make_unique<infra::storage::LocalStorage>(config.media_root);
    infra::storage::S3Settings s3;
    s3.endpoint = config.s3_endpoint;
    s3.region = config.s3_region;
    s3.bucket = config.s3_bucket;
    s3.access_key_id = config.s3_access_key_id;
    s3.secret_access_key = config.s3_secret_access_key;
    s3.force_path_style = config.s3_force_path_style;
    if (!config.media_public_base_url.empty()) s3.public_base_url = config.media_public_base_url;
    try {
        return std::make_unique<infra::storage::S3Storage>(std::move(s3), clock);
    } catch (const std::invalid_argument& e) {
        throw core::ConfigError(std::string("S3 settings: ") + e.what());
    }
}

infra::jobs::RunnerOptions jobs_options(const core::Config& config) {
    infra::jobs::RunnerOptions options;
    options.worker_id = config.node_id + "." + core::random_token(3);
    options.conninfo = conninfo_for(config);
    options.poll_interval = config.jobs_poll_interval;
    options.lease = config.jobs_lease;
    return options;
}

infra::RedisUrl redis_url_or_throw(const std::string& text) {
    auto url = infra::parse_redis_url(text);
    if (!url) throw core::ConfigError("REDIS_URL is not a valid redis:// URL");
    return *url;
}

/// A module as the composition root holds it: whatever it is, it registers its routes and,
/// when it has any, its Socket.IO events. Modules need no common base class.
class ModuleSlot {
  public:
    virtual ~ModuleSlot() = default;
    virtual void attach(core::Router& router, realtime::EventRegistry& events) = 0;
    virtual void attach_jobs(infra::jobs::Runner& runner) = 0;
    virtual void start(net::io_context& ioc) = 0;
    virtual void stop() = 0;
};

template <typename M>
class ModuleOf final : public ModuleSlot {
  public:
    template <typename... Args>
    explicit ModuleOf(Args&&... args) : module(std::forward<Args>(args)...) {}
    void attach(core::Router& router, realtime::EventRegistry& events) override {
        module.register_routes(router);
        if constexpr (requires { module.register_events(events); }) module.register_events(events);
    }
    // The job kinds the module handles (its own side effects, run by every node's workers).
    void attach_jobs(infra::jobs::Runner& runner) override {
        if constexpr (requires { module.register_jobs(runner); }) module.register_jobs(runner);
    }
    // Background work (sweepers) starts with the server and stops with it.
    void start(net::io_context& ioc) override {
        if constexpr (requires { module.start(ioc); }) module.start(ioc);
    }
    void stop() override {
        if constexpr (requires { module.stop(); }) module.stop();
    }
    M module;
};

/// The modules, destroyed dependents first (a module may refer to those added before it).
struct ModuleList {
    std::vector<std::unique_ptr<ModuleSlot>> items;
    ~ModuleList() {
        while (!items.empty()) items.pop_back();
    }
};

}  // namespace

struct App::Parts {
    Parts(core::Config c, const core::Clock* injected)
        : config(std::move(c)),
          clock(injected != nullptr ? *injected : system_clock),
          jwt(config.jwt_secret),
          pool(net::make_strand(ioc), db::PoolOptions{conninfo_for(config), config.db_pool_size,
                                                      std::chrono::milliseconds(3000), config.db_acquire_timeout}),
          redis(ioc, redis_url_or_throw(config.redis_url)),
          blocking(std::max(2u, std::thread::hardware_concurrency())),
          storage(make_storage(config, clock)),
          push(infra::push::make_provider(config, clock)),
          limiter(&redis),
          jobs(ioc.get_executor(), pool, clock, jobs_options(config)),
          hub(ioc, hub_options(config, redis),
              [this](std::string token) { return authenticate_socket(std::move(token)); }),
          static_files(config.web_root),
          pipeline([this](core::Request& req) { return endpoint(req); }),
          server(ioc, config, pipeline) {
        infra::images::init();
        infra::jobs::BuiltinOptions builtin;
        builtin.test_kinds = config.jobs_test_kinds;
        infra::jobs::register_builtin(jobs, pool, builtin);
        // The modules, in dependency order: one line each. A module's constructor names what
        // it needs from the platform and from the public services of modules above it.
        add<system::Module>(pool, redis, metrics, migration_state);
        auto& catalogue = add<categories::Module>(pool);
        auto& photos = add<media::Module>(pool, *storage, blocking, clock, config);
        users = &add<users::Module>(pool, catalogue.service, photos.service);
        auth = &add<auth::Module>(pool, users->repository, jwt, blocking, config.bcrypt_cost, clock);
        auto& price_lists = add<services::Module>(pool, catalogue.service);
        auto& profiles = add<masters::Module>(pool, price_lists.price_list, catalogue.service, photos.service);
        add<schedule::Module>(pool, profiles.service, clock);
        add<portfolio::Module>(pool, photos.service, price_lists.price_list);
        auto& notices = add<notifications::Module>(pool, hub, photos.service, blocking, *push, clock);
        auto& booking = add<bookings::Module>(pool, hub, clock);
        add<favorites::Module>(pool, profiles.service);
        add<reviews::Module>(pool, booking.service, profiles.service, photos.service);
        // Before chats: chats asks social (modules/social/blocks.hpp) whether a pair is blocked.
        add<social::Module>(pool, photos.service);
        auto& chat = add<chats::Module>(pool, hub, hub, photos.service, notices.service, clock);
        auto& posting = add<posts::Module>(pool, photos.service, catalogue.service, redis, hub);
        add<feed::Module>(pool, posting.service, redis, hub, clock);
        add<search::Module>(pool, profiles.service, posting.service, clock);
        // Media cannot depend on chats (chats attaches photos to messages), so it asks through
        // an interface: a chat photo is visible to the participants of its chat.
        photos.service.set_chat_photo_access(&chat.service);
    }

    template <typename M, typename... Args>
    M& add(Args&&... args) {
        auto slot = std::make_unique<ModuleOf<M>>(std::forward<Args>(args)...);
        auto& module = slot->module;
        modules.items.push_back(std::move(slot));
        return module;
    }

    net::awaitable<core::Response> endpoint(core::Request& req) {
        if (req.route != nullptr) co_return co_await req.route->handler(req);
        if (auto res = static_files.serve(req)) co_return std::move(*res);
        throw core::ApiError::not_found("No such page: " + std::string(req.path));
    }

    static realtime::HubOptions hub_options(const core::Config& config, infra::RedisClient& redis) {
        realtime::HubOptions options;
        options.engine.ping_interval = config.socket_ping_interval;
        options.engine.ping_timeout = config.socket_ping_timeout;
        options.engine.max_payload = config.socket_max_payload;
        options.connect_timeout = config.socket_connect_timeout;
        options.node_id = config.node_id;
        options.redis = &redis;
        options.redis_url = redis_url_or_throw(config.redis_url);
        return options;
    }

    // A socket's CONNECT: the same checks as a request's bearer token (signature, expiry, the
    // user still exists and is not banned).
    net::awaitable<std::optional<realtime::Authenticated>> authenticate_socket(std::string token) {
        const auto claims = jwt.verify(token, clock.now());
        if (!claims) co_return std::nullopt;
        std::string user_id = claims->sub;
        const auto principal = co_await users->principals.load(std::move(user_id));
        if (!principal) co_return std::nullopt;
        realtime::Authenticated who;
        who.user = realtime::SocketUser{principal->user_id, principal->role};
        // The Hub's expiry timer runs on the real clock; the token's remaining life is by ours.
        const auto remaining = std::chrono::system_clock::time_point(std::chrono::seconds(claims->exp)) - clock.now();
        who.expires_at = std::chrono::system_clock::now() + remaining;
        co_return who;
    }

    net::awaitable<void> migrate_in_background();
    net::awaitable<void> shutdown();

    core::Config config;
    core::SystemClock system_clock;
    const core::Clock& clock;  // every rule's "now": the system clock unless a test injected one
    net::io_context ioc{config.workers};
    core::jwt::Codec jwt;
    core::Metrics metrics;
    db::Pool pool;
    infra::RedisClient redis;
    infra::BlockingPool blocking;
    std::unique_ptr<infra::storage::Storage> storage;
    std::unique_ptr<infra::push::Provider> push;
    core::RateLimiter limiter;
    system::MigrationState migration_state;
    infra::jobs::Runner jobs;  // every node's workers; modules register their kinds on it

    realtime::Hub hub;
    ModuleList modules;
    users::Module* users = nullptr;
    auth::Module* auth = nullptr;

    core::Router router;
    core::StaticFiles static_files;
    core::Pipeline pipeline;
    core::HttpServer server;
    std::vector<std::thread> threads;
    std::promise<int> finished;
    std::atomic<bool> stopping{false};
    int exit_code = 0;
};

net::awaitable<void> App::Parts::migrate_in_background() {
    auto delay = std::chrono::milliseconds(200);
    bool warned = false;
    while (!stopping) {
        try {
            db::Connection conn(co_await net::this_coro::executor);
            co_await conn.connect(pool.options().conninfo, std::chrono::seconds(5));
            const int applied = co_await db::migrate(conn, embedded_migrations());
            core::log::info("database ready", {{"migrations_applied", applied}});
            migration_state.done = true;
            pool.set_ready(true);
            co_return;
        } catch (const db::MigrationError& e) {
            migration_state.failed = true;
            core::log::error("refusing to start: migrations", {{"error", e.what()}});
            exit_code = 1;
            net::co_spawn(ioc, shutdown(), net::detached);
            co_return;
        } catch (const db::Unavailable& e) {
            if (!warned) core::log::warn("waiting for PostgreSQL", {{"error", e.what()}});
            warned = true;
        } catch (const db::Error& e) {
            migration_state.failed = true;
            core::log::error("a migration failed", {{"error", e.what()}, {"sqlstate", e.sqlstate()}});
            exit_code = 1;
            net::co_spawn(ioc, shutdown(), net::detached);
            co_return;
        }
        net::steady_timer timer(co_await net::this_coro::executor, delay);
        co_await timer.async_wait(kUseTuple);
        delay = std::min(delay * 2, std::chrono::milliseconds(5000));
    }
}

net::awaitable<void> App::Parts::shutdown() {
    if (stopping.exchange(true)) co_return;
    core::log::info("shutting down", {{"connections", server.active_connections()}});
    const auto deadline = std::chrono::steady_clock::now() + config.shutdown_timeout;
    server.stop();
    jobs.stop();  // no new jobs start; running ones finish (or are released) below
    for (auto& module : modules.items) module->stop();
    hub.stop();  // WebSockets get close code 1001, pending polls a close packet
    const auto left = co_await server.drain(config.shutdown_timeout);
    if (left > 0) core::log::warn("closing connections that did not finish in time", {{"connections", left}});
    co_await jobs.drain(deadline);
    redis.stop();
    ioc.stop();
}

App::App(core::Config config) : App(std::move(config), nullptr) {}

App::App(core::Config config, const core::Clock& clock) : App(std::move(config), &clock) {}

App::App(core::Config config, const core::Clock* clock) : parts_(std::make_unique<Parts>(std::move(config), clock)) {
    auto& p = *parts_;
    core::log::set_level(p.config.log_level);
    for (auto& module : p.modules.items) {
        module->attach(p.router, p.hub);
        module->attach_jobs(p.jobs);
    }
    realtime::mount(p.hub.engine(), "/socket.io/", p.router, p.server);
    p.server.stream_bodies([&router = p.router](http::verb method, std::string_view path) {
        const auto match = router.match(method, path);
        return match.kind == core::RouteMatch::Kind::kFound && match.route->stream_body;
    });

    // Outermost first. Errors are turned into responses inside the header-adding layers, so
    // problem+json answers carry the security, CORS and request-id headers too.
    p.pipeline.use(std::make_unique<core::ObserveMiddleware>(p.config, p.metrics));
    p.pipeline.use(std::make_unique<core::SecurityHeadersMiddleware>(p.config));
    p.pipeline.use(std::make_unique<core::CorsMiddleware>(p.config.cors_origins));
    p.pipeline.use(std::make_unique<core::ErrorMiddleware>());
    p.pipeline.use(std::make_unique<core::RoutingMiddleware>(p.router));
    p.pipeline.use(std::make_unique<core::RateLimitMiddleware>(p.config, p.limiter));
    p.pipeline.use(std::make_unique<core::AuthMiddleware>(p.jwt, p.users->principals, p.clock));

    p.metrics.add_collector([&p](std::string& out) {
        const auto s = p.pool.stats();
        out += "# HELP db_pool_connections PostgreSQL connections by state.\n# TYPE db_pool_connections gauge\n";
        out += "db_pool_connections{state=\"open\"} " + std::to_string(s.total) + "\n";
        out += "db_pool_connections{state=\"idle\"} " + std::to_string(s.idle) + "\n";
        out += "# HELP db_pool_waiting Requests waiting for a connection.\n# TYPE db_pool_waiting gauge\n";
        out += "db_pool_waiting " + std::to_string(s.waiting) + "\n";
        out +=
            "# HELP db_connect_failures_total Failed connection attempts.\n# TYPE db_connect_failures_total counter\n";
        out += "db_connect_failures_total " + std::to_string(s.connect_failures) + "\n";
        out += "# HELP redis_up Whether the Redis connection is established.\n# TYPE redis_up gauge\n";
        out += std::string("redis_up ") + (p.redis.connected() ? "1" : "0") + "\n";
        out += "# HELP realtime_sessions Open Engine.IO sessions on this node.\n# TYPE realtime_sessions gauge\n";
        out += "realtime_sessions " + std::to_string(p.hub.engine().session_count()) + "\n";
        out += "# HELP realtime_users Users with at least one socket on this node.\n# TYPE realtime_users gauge\n";
        out += "realtime_users " + std::to_string(p.hub.local_users()) + "\n";
    });
    p.jobs.register_metrics(p.metrics);
    p.auth->service.prepare();
}

App::~App() {
    stop();
    if (parts_) {
        for (auto& t : parts_->threads) {
            if (t.joinable()) t.join();
        }
    }
}

const core::Router& App::router() const { return parts_->router; }

std::uint16_t App::start() {
    auto& p = *parts_;
    const auto port = p.server.start();
    p.redis.start();
    p.hub.start();
    for (auto& module : p.modules.items) module->start(p.ioc);
    p.jobs.start();  // claims once the migrations are applied
    net::co_spawn(net::make_strand(p.ioc), p.migrate_in_background(), net::detached);
    core::log::info("listening", {{"address", p.config.bind_address},
                                  {"port", port},
                                  {"workers", p.config.workers},
                                  {"web_root", p.config.web_root},
                                  {"static_files", p.static_files.size()}});
    if (p.config.jwt_secret_generated) {
        core::log::warn("JWT_SECRET not set: using a random secret, sessions end when the process restarts");
    }
    for (int i = 0; i < p.config.workers; ++i) {
        p.threads.emplace_back([&p] {
            try {
                p.ioc.run();
            } catch (const std::exception& e) {
                core::log::error("I/O thread crashed", {{"error", e.what()}});
                p.exit_code = 1;
                p.ioc.stop();
            }
        });
    }
    return port;
}

void App::stop() {
    if (!parts_ || parts_->stopping) return;
    net::co_spawn(parts_->ioc, parts_->shutdown(), net::detached);
}

int App::wait() {
    auto& p = *parts_;
    net::signal_set signals(p.ioc, SIGINT, SIGTERM);
    signals.async_wait([this](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        core::log::info("signal received", {{"signal", signal}});
        stop();
    });
    for (auto& t : p.threads) {
        if (t.joinable()) t.join();
    }
    p.blocking.stop();
    core::log::info("stopped");
    return p.exit_code;
}

namespace {

net::awaitable<void> migrate_once(std::string conninfo) {
    db::Connection conn(co_await net::this_coro::executor);
    co_await conn.connect(conninfo, std::chrono::seconds(10));
    const int applied = co_await db::migrate(conn, embedded_migrations());
    core::log::info("migrations applied", {{"count", applied}});
}

}  // namespace

int run_migrations(const core::Config& config) {
    net::io_context ioc;
    int code = 0;
    net::co_spawn(ioc, migrate_once(conninfo_for(config)), [&code](std::exception_ptr e) {
        if (!e) return;
        core::log::error("migration failed", {{"error", core::log::describe(e)}});
        code = 1;
    });
    ioc.run();
    return code;
}

int seed_demo(const core::Config& config) {
    if (run_migrations(config) != 0) return 1;
    core::SystemClock clock;
    const auto storage = make_storage(config, clock);
    return demo::seed(config, conninfo_for(config), *storage, clock);
}

int jobs_command(const core::Config& config, const std::vector<std::string>& args) {
    return infra::jobs::run_cli(conninfo_for(config), args, std::cout, std::cerr);
}

int create_admin(const core::Config& config, const std::string& email, const std::string& password,
                 const std::string& name) {
    if (run_migrations(config) != 0) return 1;
    const auto normalized = auth::normalize_email(email);
    if (!normalized) {
        core::log::error("create-admin: not a valid email address", {{"email", email}});
        return 2;
    }
    if (password.size() < 8 || password.size() > 72) {
        core::log::error("create-admin: the password must be 8 to 72 bytes");
        return 2;
    }
    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{conninfo_for(config), 1});
    pool.set_ready(true);
    users::Repository users_repo;
    auth::Repository auth_repo;
    core::jwt::Codec jwt(config.jwt_secret);
    infra::BlockingPool blocking(1);
    core::SystemClock clock;
    auth::Service auth_service(pool, users_repo, auth_repo, jwt, blocking, config.bcrypt_cost, clock);
    int code = 0;
    net::co_spawn(ioc, auth_service.create_admin(*normalized, password, name.empty() ? "Administrator" : name),
                  [&](std::exception_ptr e, std::string id) {
                      if (!e) {
                          core::log::info("admin ready", {{"email", *normalized}, {"user_id", id}});
                          return;
                      }
                      core::log::error("create-admin failed", {{"error", core::log::describe(e)}});
                      code = 1;
                  });
    ioc.run();
    return code;
}

}  // namespace service::app

#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/ip_network.hpp"
#include "core/log.hpp"

namespace service::core {

/// Every setting the server reads, all from environment variables (see config_help()).
struct Config {
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 8080;
    int workers = 2;
    std::string environment = "development";  // "production" makes JWT_SECRET mandatory
    std::string database_url;
    std::string redis_url = "redis://127.0.0.1:6379/0";
    std::string jwt_secret;  // >= 32 bytes; generated per process outside production
    bool jwt_secret_generated = false;
    std::vector<std::string> cors_origins;
    log::Level log_level = log::Level::kInfo;
    std::string web_root;  // built web client (web/dist); empty = no static serving
    std::vector<IpNetwork> trusted_proxies;
    int rate_limit_per_minute = 100;      // 0 = off
    int auth_rate_limit_per_minute = 10;  // login/register; 0 = off
    int max_connections = 10000;
    std::size_t body_limit = std::size_t{1024} * 1024;
    std::size_t header_limit = std::size_t{16} * 1024;
    std::chrono::seconds read_timeout{15};  // whole request, headers and body
    std::chrono::seconds idle_timeout{60};  // keep-alive between requests
    std::chrono::seconds shutdown_timeout{10};
    int db_pool_size = 16;
    std::chrono::milliseconds db_acquire_timeout{3000};
    std::chrono::milliseconds db_statement_timeout{5000};
    int bcrypt_cost = 10;
    // Socket.IO (Engine.IO) at /socket.io/
    std::chrono::milliseconds socket_ping_interval{25000};
    std::chrono::milliseconds socket_ping_timeout{20000};
    std::chrono::milliseconds socket_connect_timeout{45000};
    std::size_t socket_max_payload = 1000000;
    std::string node_id;  // names this process in the Redis fan-out; random when empty
    // Media storage (infra/storage): STORAGE_BACKEND=local|s3
    std::string storage_backend = "local";
    std::string media_root = "var/media";  // local backend
    std::string s3_endpoint;
    std::string s3_region = "us-east-1";
    std::string s3_bucket;
    std::string s3_access_key_id;
    std::string s3_secret_access_key;
    bool s3_force_path_style = false;
    std::string media_public_base_url;  // where the store serves public objects itself; empty = our /media/
    int media_workers = 2;              // photos processed at once on this node
    std::chrono::milliseconds media_sweep_interval{15000};  // stale leases and the 24-hour clean-up
    // Job queue (infra/jobs)
    std::chrono::milliseconds jobs_poll_interval{2000};  // fallback when no NOTIFY arrives
    std::chrono::seconds jobs_lease{30};                 // a dead worker's jobs run again after this
    bool jobs_test_kinds = false;                        // registers system.sleep (tests, benchmarks)
    // Push notifications (infra/push): PUSH_PROVIDER=log|fcm
    std::string push_provider = "log";
    std::string fcm_credentials_file;  // service-account JSON key; required with fcm
    std::string fcm_endpoint = "https://fcm.googleapis.com";

    bool production() const { return environment == "production"; }
};

class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

/// Reads the configuration through `env` (tests pass a map; main passes ::getenv).
/// Throws ConfigError naming the variable and what is wrong with it.
Config load_config(const EnvLookup& env);

/// Text for `--help`: every variable with its default.
std::string config_help();

}  // namespace service::core

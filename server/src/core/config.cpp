#include "core/config.hpp"

#include <charconv>
#include <limits>

#include "core/crypto.hpp"

namespace service::core {
namespace {

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        auto item = text.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

long long parse_int(std::string_view name, const std::string& text, long long min, long long max) {
    long long value = 0;
    const auto [ptr, err] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (err != std::errc{} || ptr != text.data() + text.size() || value < min || value > max) {
        throw ConfigError(std::string(name) + " must be an integer between " + std::to_string(min) + " and " +
                          std::to_string(max) + ", got '" + text + "'");
    }
    return value;
}

}  // namespace

Config load_config(const EnvLookup& env) {
    Config c;
    auto int_var = [&](std::string_view name, auto& field, long long min, long long max) {
        if (auto v = env(name))
            field = static_cast<std::remove_reference_t<decltype(field)>>(parse_int(name, *v, min, max));
    };
    auto seconds_var = [&](std::string_view name, std::chrono::seconds& field, long long min, long long max) {
        if (auto v = env(name)) field = std::chrono::seconds(parse_int(name, *v, min, max));
    };

    if (auto v = env("ENVIRONMENT")) {
        if (*v != "production" && *v != "development" && *v != "test") {
            throw ConfigError("ENVIRONMENT must be production, development or test, got '" + *v + "'");
        }
        c.environment = *v;
    }
    if (auto v = env("BIND_ADDRESS")) c.bind_address = *v;
    int_var("PORT", c.port, 0, 65535);
    int_var("WORKERS", c.workers, 1, 256);
    if (auto v = env("DATABASE_URL")) c.database_url = *v;
    if (c.database_url.empty()) throw ConfigError("DATABASE_URL is required (postgresql://user:pass@host:port/db)");
    if (auto v = env("REDIS_URL")) c.redis_url = *v;
    if (c.redis_url.rfind("redis://", 0) != 0) throw ConfigError("REDIS_URL must start with redis://");

    if (auto v = env("JWT_SECRET"); v && !v->empty()) {
        if (v->size() < 32) throw ConfigError("JWT_SECRET must be at least 32 bytes");
        c.jwt_secret = *v;
    } else if (c.production()) {
        throw ConfigError("JWT_SECRET is required when ENVIRONMENT=production");
    } else {
        c.jwt_secret = random_token(48);
        c.jwt_secret_generated = true;
    }

    if (auto v = env("CORS_ORIGINS")) c.cors_origins = split_list(*v);
    if (auto v = env("LOG_LEVEL")) {
        if (!log::parse_level(*v, c.log_level)) throw ConfigError("LOG_LEVEL must be debug, info, warn or error");
    }
    if (auto v = env("WEB_ROOT")) c.web_root = *v;
    if (auto v = env("TRUSTED_PROXIES")) {
        for (const auto& item : split_list(*v)) {
            auto network = IpNetwork::parse(item);
            if (!network) throw ConfigError("TRUSTED_PROXIES: '" + item + "' is not an IP address or CIDR network");
            c.trusted_proxies.push_back(*network);
        }
    }
    int_var("RATE_LIMIT_PER_MINUTE", c.rate_limit_per_minute, 0, 1'000'000'000);
    int_var("AUTH_RATE_LIMIT_PER_MINUTE", c.auth_rate_limit_per_minute, 0, 1'000'000'000);
    int_var("MAX_CONNECTIONS", c.max_connections, 1, 1'000'000);
    int_var("BODY_LIMIT_BYTES", c.body_limit, 1024, 1LL << 30);
    int_var("HEADER_LIMIT_BYTES", c.header_limit, 1024, 1 << 20);
    seconds_var("READ_TIMEOUT_SECONDS", c.read_timeout, 1, 3600);
    seconds_var("IDLE_TIMEOUT_SECONDS", c.idle_timeout, 1, 3600);
    seconds_var("SHUTDOWN_TIMEOUT_SECONDS", c.shutdown_timeout, 0, 3600);
    int_var("DB_POOL_SIZE", c.db_pool_size, 1, 1000);
    if (auto v = env("DB_ACQUIRE_TIMEOUT_MS"))
        c.db_acquire_timeout = std::chrono::milliseconds(parse_int("DB_ACQUIRE_TIMEOUT_MS", *v, 1, 600'000));
    if (auto v = env("DB_STATEMENT_TIMEOUT_MS"))
        c.db_statement_timeout = std::chrono::milliseconds(parse_int("DB_STATEMENT_TIMEOUT_MS", *v, 1, 3'600'000));
    int_var("BCRYPT_COST", c.bcrypt_cost, 10, 15);
    auto millis_var = [&](std::string_view name, std::chrono::milliseconds& field, long long min, long long max) {
        if (auto v = env(name)) field = std::chrono::milliseconds(parse_int(name, *v, min, max));
    };
    millis_var("SOCKET_PING_INTERVAL_MS", c.socket_ping_interval, 100, 3'600'000);
    millis_var("SOCKET_PING_TIMEOUT_MS", c.socket_ping_timeout, 100, 3'600'000);
    millis_var("SOCKET_CONNECT_TIMEOUT_MS", c.socket_connect_timeout, 100, 3'600'000);
    int_var("SOCKET_MAX_PAYLOAD", c.socket_max_payload, 1024, 100'000'000);
    if (auto v = env("NODE_ID")) c.node_id = *v;
    if (c.node_id.empty()) c.node_id = random_token(6);

    if (auto v = env("STORAGE_BACKEND")) {
        if (*v != "local" && *v != "s3") throw ConfigError("STORAGE_BACKEND must be local or s3, got '" + *v + "'");
        c.storage_backend = *v;
    }
    if (auto v = env("MEDIA_ROOT")) c.media_root = *v;
    if (auto v = env("S3_ENDPOINT")) c.s3_endpoint = *v;
    if (auto v = env("S3_REGION")) c.s3_region = *v;
    if (auto v = env("S3_BUCKET")) c.s3_bucket = *v;
    if (auto v = env("S3_ACCESS_KEY_ID")) c.s3_access_key_id = *v;
    if (auto v = env("S3_SECRET_ACCESS_KEY")) c.s3_secret_access_key = *v;
    if (auto v = env("S3_FORCE_PATH_STYLE")) {
        if (*v != "true" && *v != "false") throw ConfigError("S3_FORCE_PATH_STYLE must be true or false");
        c.s3_force_path_style = *v == "true";
    }
    if (auto v = env("MEDIA_PUBLIC_BASE_URL")) c.media_public_base_url = *v;
    while (c.media_public_base_url.ends_with('/')) c.media_public_base_url.pop_back();
    int_var("MEDIA_WORKERS", c.media_workers, 1, 64);
    millis_var("MEDIA_SWEEP_INTERVAL_MS", c.media_sweep_interval, 100, 3'600'000);
    millis_var("JOBS_POLL_INTERVAL_MS", c.jobs_poll_interval, 10, 3'600'000);
    seconds_var("JOBS_LEASE_SECONDS", c.jobs_lease, 1, 3600);
    if (auto v = env("JOBS_TEST_KINDS")) {
        if (*v != "0" && *v != "1") throw ConfigError("JOBS_TEST_KINDS must be 0 or 1");
        c.jobs_test_kinds = *v == "1";
    }
    if (auto v = env("PUSH_PROVIDER")) {
        if (*v != "log" && *v != "fcm") throw ConfigError("PUSH_PROVIDER must be log or fcm, got '" + *v + "'");
        c.push_provider = *v;
    }
    if (auto v = env("FCM_CREDENTIALS_FILE")) c.fcm_credentials_file = *v;
    if (auto v = env("FCM_ENDPOINT")) c.fcm_endpoint = *v;
    while (c.fcm_endpoint.ends_with('/')) c.fcm_endpoint.pop_back();
    if (c.push_provider == "fcm") {
        if (c.fcm_credentials_file.empty())
            throw ConfigError("FCM_CREDENTIALS_FILE is required with PUSH_PROVIDER=fcm");
        if (!c.fcm_endpoint.starts_with("http://") && !c.fcm_endpoint.starts_with("https://"))
            throw ConfigError("FCM_ENDPOINT must be an http:// or https:// URL");
    }
    if (c.storage_backend == "s3") {
        for (const auto& [name, value] : {std::pair{"S3_ENDPOINT", &c.s3_endpoint},
                                          {"S3_BUCKET", &c.s3_bucket},
                                          {"S3_ACCESS_KEY_ID", &c.s3_access_key_id},
                                          {"S3_SECRET_ACCESS_KEY", &c.s3_secret_access_key}}) {
            if (value->empty()) throw ConfigError(std::string(name) + " is required with STORAGE_BACKEND=s3");
        }
        if (!c.s3_endpoint.starts_with("http://") && !c.s3_endpoint.starts_with("https://"))
            throw ConfigError("S3_ENDPOINT must be an http:// or https:// URL");
    }
    return c;
}

std::string config_help() {
    return R"(Usage: service-server [serve]            run the HTTP/WebSocket server (default)
       service-server migrate               apply database migrations and exit
       service-server seed-demo             load the demo data (masters, services, bookings; idempotent)
       service-server create-admin --email E --password P [--name N]
                                            create an admin (or promote an existing user)
       service-server jobs list [--state S] [--kind K] [--limit N]
                                            the newest background jobs (50 unless --limit)
       service-server jobs retry <id>       run a scheduled, retryable, discarded or cancelled job now
       service-server jobs cancel <id>      cancel an unfinished job
       service-server --help                this text

Environment:
  ENVIRONMENT                 production | development | test       (development)
  BIND_ADDRESS                address to listen on                  (127.0.0.1)
  PORT                        TCP port, 0 picks a free one           (8080)
  WORKERS                     I/O threads                            (2)
  DATABASE_URL                PostgreSQL URL                         (required)
  REDIS_URL                   redis://host:port/db                   (redis://127.0.0.1:6379/0)
  JWT_SECRET                  HS256 key, >= 32 bytes; required in production, random per process otherwise
  CORS_ORIGINS                comma-separated allowed origins        (none)
  LOG_LEVEL                   debug | info | warn | error            (info)
  WEB_ROOT                    directory of the built web client      (none: API only)
  TRUSTED_PROXIES             comma-separated IPs/CIDRs whose X-Forwarded-For is believed (none)
  RATE_LIMIT_PER_MINUTE       requests per minute per client IP, 0 = off (100)
  AUTH_RATE_LIMIT_PER_MINUTE  login/register attempts per minute per IP, 0 = off (10)
  MAX_CONNECTIONS             concurrent connections                 (10000)
  BODY_LIMIT_BYTES            largest request body                   (1048576)
  HEADER_LIMIT_BYTES          largest request header                 (16384)
  READ_TIMEOUT_SECONDS        time to receive a whole request        (15)
  IDLE_TIMEOUT_SECONDS        keep-alive idle time                   (60)
  SHUTDOWN_TIMEOUT_SECONDS    drain time on SIGTERM/SIGINT           (10)
  DB_POOL_SIZE                PostgreSQL connections per process     (16)
  DB_ACQUIRE_TIMEOUT_MS       wait for a free connection             (3000)
  DB_STATEMENT_TIMEOUT_MS     server-side statement_timeout          (5000)
  BCRYPT_COST                 password hashing cost, 10..15          (10)
  SOCKET_PING_INTERVAL_MS     Engine.IO ping interval                (25000)
  SOCKET_PING_TIMEOUT_MS      close when no pong arrives in time     (20000)
  SOCKET_CONNECT_TIMEOUT_MS   close when no namespace is joined      (45000)
  SOCKET_MAX_PAYLOAD          largest Engine.IO message, bytes       (1000000)
  NODE_ID                     this node's name in the Redis fan-out  (random)
  STORAGE_BACKEND             local | s3: where photos are stored    (local)
  MEDIA_ROOT                  directory of the local backend         (var/media)
  S3_ENDPOINT                 S3-compatible endpoint URL, e.g. https://storage.yandexcloud.net (s3: required)
  S3_REGION                   signing region                         (us-east-1)
  S3_BUCKET                   bucket                                 (s3: required)
  S3_ACCESS_KEY_ID            access key                             (s3: required)
  S3_SECRET_ACCESS_KEY        secret key                             (s3: required)
  S3_FORCE_PATH_STYLE         true: endpoint/bucket/key (MinIO); false: bucket.endpoint/key (false)
  MEDIA_PUBLIC_BASE_URL       URL the store serves public objects at (none: the server serves /media/)
  MEDIA_WORKERS               photos processed at once per node      (2)
  MEDIA_SWEEP_INTERVAL_MS     how often a node looks for stuck and abandoned photos (15000)
  JOBS_POLL_INTERVAL_MS       background jobs: the poll when no notification wakes a node (2000)
  JOBS_LEASE_SECONDS          a dead node's running jobs run again after this (30)
  JOBS_TEST_KINDS             1: also run system.sleep jobs (tests, benchmarks) (0)
  PUSH_PROVIDER               log | fcm: how push notifications go out (log: written to the log only)
  FCM_CREDENTIALS_FILE        Firebase service-account JSON key file (fcm: required)
  FCM_ENDPOINT                FCM HTTP v1 API origin                 (https://fcm.googleapis.com)
)";
}

}  // namespace service::core

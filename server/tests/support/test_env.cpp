#include "support/test_env.hpp"

#include <boost/json/serialize.hpp>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "core/crypto.hpp"

namespace service::testing {
namespace {

std::string env_or_fail(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error(std::string(name) + " is not set: run the integration tests through `make test`");
    }
    return value;
}

}  // namespace

TestEnv read_test_env() {
    TestEnv env;
    env.database_url = env_or_fail("TEST_DATABASE_URL");
    env.redis_url = env_or_fail("TEST_REDIS_URL");
    if (const char* dir = std::getenv("TEST_STACK_DIR")) env.stack_dir = dir;
    env.stack_script = SERVICE_SOURCE_DIR;
    env.stack_script += "/scripts/stack";
    return env;
}

const TestEnv& test_env() {
    static const TestEnv env = read_test_env();
    return env;
}

// Photos of the in-process servers: inside the stack directory scripts/test destroys, else a
// directory of this process's own under /tmp.
static std::string media_root() {
    if (!test_env().stack_dir.empty()) return test_env().stack_dir + "/media";
    return "/tmp/service-test-media-" + std::to_string(::getpid());
}

core::Config test_config(const std::map<std::string, std::string>& overrides) {
    std::map<std::string, std::string> values{{"DATABASE_URL", test_env().database_url},
                                              {"REDIS_URL", test_env().redis_url},
                                              {"PORT", "0"},
                                              {"ENVIRONMENT", "test"},
                                              {"LOG_LEVEL", "error"},
                                              {"JWT_SECRET", "integration-test-secret-0123456789abcdef"},
                                              {"RATE_LIMIT_PER_MINUTE", "0"},
                                              {"AUTH_RATE_LIMIT_PER_MINUTE", "0"},
                                              {"DB_ACQUIRE_TIMEOUT_MS", "2000"},
                                              {"MEDIA_ROOT", media_root()}};
    // scripts/test runs the suite with WORKERS=4 so the in-process server is multi-threaded.
    if (const char* workers = std::getenv("WORKERS"); workers != nullptr && *workers != '\0')
        values["WORKERS"] = workers;
    for (const auto& [k, v] : overrides) values[k] = v;
    return core::load_config([&values](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    });
}

RunningApp::RunningApp(core::Config config) : app_(std::make_unique<app::App>(std::move(config))) {
    port_ = app_->start();
}

RunningApp::RunningApp(core::Config config, const core::Clock& clock)
    : app_(std::make_unique<app::App>(std::move(config), clock)) {
    port_ = app_->start();
}

RunningApp::~RunningApp() {
    app_->stop();
    app_.reset();
}

bool RunningApp::wait_ready(std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        try {
            if (get(port_, "/ready").status == 200) return true;
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void exec_sql(const std::string& sql) { exec_sql_at(test_env().database_url, sql); }

std::string fresh_database() {
    const std::string name = "it_" + core::sha256_hex(core::random_bytes(8)).substr(0, 12);
    exec_sql("CREATE DATABASE " + name);
    const auto& url = test_env().database_url;
    return url.substr(0, url.rfind('/') + 1) + name;
}

void exec_sql_at(const std::string& url, const std::string& sql) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("exec_sql: " + message);
    }
    PGresult* res = PQexec(conn, sql.c_str());
    const auto status = PQresultStatus(res);
    std::string message = PQresultErrorMessage(res);
    PQclear(res);
    PQfinish(conn);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error("exec_sql: " + message);
}

std::string query_value(const std::string& sql) {
    PGconn* conn = PQconnectdb(test_env().database_url.c_str());
    PGresult* res = PQexec(conn, sql.c_str());
    std::string value;
    const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    std::string message = PQresultErrorMessage(res);
    if (ok && PQntuples(res) > 0) value = PQgetvalue(res, 0, 0);
    PQclear(res);
    PQfinish(conn);
    if (!ok) throw std::runtime_error("query_value: " + message);
    return value;
}

bool stack(const std::string& command) {
    if (test_env().stack_dir.empty()) return false;
    const std::string line =
        test_env().stack_script + " " + command + " '" + test_env().stack_dir + "' >/dev/null 2>&1";
    return std::system(line.c_str()) == 0;
}

std::string unique_email() { return "it-" + core::random_uuid().substr(0, 13) + "@Test.Example"; }

HttpResult call_as(std::uint16_t port, const Account& who, http::verb method, const std::string& target,
                   const boost::json::value& body) {
    return http_request(port, method, target, body.is_null() ? "" : boost::json::serialize(body),
                        bearer(who.access_token));
}

Account register_account(std::uint16_t port, const std::string& role) {
    Account a;
    a.email = unique_email();
    a.password = "pass-" + core::random_token(6);
    const auto res = post_json(
        port, "/api/v1/auth/register",
        boost::json::object{{"email", a.email}, {"password", a.password}, {"name", "Test User"}, {"role", role}});
    EXPECT_EQ(res.status, 201) << res.body;
    const auto body = res.json().as_object();
    a.id = std::string(body.at("user").as_object().at("id").as_string());
    a.access_token = std::string(body.at("access_token").as_string());
    a.refresh_token = std::string(body.at("refresh_token").as_string());
    return a;
}

}  // namespace service::testing

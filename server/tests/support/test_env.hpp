#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include <boost/json/object.hpp>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "support/http_client.hpp"

namespace service::testing {

/// The throw-away PostgreSQL + Redis that scripts/test started for this suite.
struct TestEnv {
    std::string database_url;
    std::string redis_url;
    std::string stack_dir;     // for scripts/stack pg-stop/pg-start
    std::string stack_script;  // path to scripts/stack
};
const TestEnv& test_env();

/// A config pointing at the test stack, with generous rate limits unless overridden.
core::Config test_config(const std::map<std::string, std::string>& overrides = {});

/// The whole application running in-process on a free port.
class RunningApp {
  public:
    explicit RunningApp(core::Config config);
    /// With `clock` as the server's "now"; it must outlive this object.
    RunningApp(core::Config config, const core::Clock& clock);
    ~RunningApp();
    std::uint16_t port() const { return port_; }
    const app::App& app() const { return *app_; }
    /// Polls /ready until it answers 200 (migrations applied, PostgreSQL and Redis up).
    bool wait_ready(std::chrono::seconds timeout = std::chrono::seconds(20)) const;

  private:
    std::unique_ptr<app::App> app_;
    std::uint16_t port_ = 0;
};

/// A fixture whose tests share one in-process server, started once for the suite.
/// A suite changes the configuration by declaring `static std::map<...> overrides()`.
/// The server's clock is `clock()`: the system clock until a test moves it; it is put back
/// after every test.
template <typename Suite>
class SharedServerTest : public ::testing::Test {
  public:
    static std::map<std::string, std::string> overrides() { return {}; }

  protected:
    static void SetUpTestSuite() {
        clock_ = std::make_unique<core::TestClock>(core::TestClock::running());
        server_ = std::make_unique<RunningApp>(test_config(Suite::overrides()), *clock_);
        ASSERT_TRUE(server_->wait_ready());
    }
    static void TearDownTestSuite() {
        server_.reset();
        clock_.reset();
    }
    void TearDown() override { clock_->set(std::chrono::system_clock::now()); }
    static std::uint16_t port() { return server_->port(); }
    static core::TestClock& clock() { return *clock_; }
    static inline std::unique_ptr<core::TestClock> clock_;
    static inline std::unique_ptr<RunningApp> server_;
};

/// Runs SQL text on the test database through a separate blocking connection.
void exec_sql(const std::string& sql);
/// The same on the database at `url` (one connection: a SET holds for the rest of the text).
void exec_sql_at(const std::string& url, const std::string& sql);
/// A fresh, empty database on the test server; returns its URL.
std::string fresh_database();
/// The first column of the first row of a query on the test database ("" when no row).
std::string query_value(const std::string& sql);
/// Runs `scripts/stack <command> <dir>`; true on success.
bool stack(const std::string& command);

std::string unique_email();

struct Account {
    std::string id;
    std::string email;
    std::string password;
    std::string access_token;
    std::string refresh_token;
};
/// Registers a new account through the API (asserts success).
Account register_account(std::uint16_t port, const std::string& role = "client");
/// A request as `who` (their bearer token), with `body` as JSON unless it is null.
HttpResult call_as(std::uint16_t port, const Account& who, http::verb method, const std::string& target,
                   const boost::json::value& body = nullptr);

}  // namespace service::testing

// PostgreSQL or Redis going away, and the process being told to stop or killed.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <thread>

#include <boost/json/serialize.hpp>

#include "support/media_client.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;
namespace images = service::testing::images;

class ResilienceIT : public ::testing::Test {
  protected:
    void SetUp() override {
        if (test_env().stack_dir.empty()) GTEST_SKIP() << "TEST_STACK_DIR not set: cannot stop and start services";
    }
};

TEST_F(ResilienceIT, PostgresGoingAwayGives503AndTheServerRecoversByItself) {
    RunningApp app(test_config());
    ASSERT_TRUE(app.wait_ready());
    const auto account = register_account(app.port());

    ASSERT_TRUE(stack("pg-stop"));
    const auto down = get(app.port(), "/api/v1/users/me", bearer(account.access_token));
    EXPECT_EQ(down.status, 503) << down.body;
    EXPECT_EQ(down.json().at("code").as_string(), "service_unavailable");
    EXPECT_FALSE(down.header("Retry-After").empty());
    const auto ready = get(app.port(), "/ready");
    EXPECT_EQ(ready.status, 503);
    EXPECT_NE(ready.json().at("checks").at("postgres").as_string(), "ok");
    EXPECT_EQ(get(app.port(), "/health").status, 200);  // the process itself is fine

    ASSERT_TRUE(stack("pg-start"));
    EXPECT_TRUE(
        eventually([&] { return get(app.port(), "/api/v1/users/me", bearer(account.access_token)).status == 200; }));
    EXPECT_EQ(get(app.port(), "/ready").status, 200);
    // Nothing committed before the outage was lost.
    EXPECT_EQ(
        post_json(app.port(), "/api/v1/auth/login", object{{"email", account.email}, {"password", account.password}})
            .status,
        200);
}

TEST_F(ResilienceIT, RedisGoingAwayKeepsTheApiWorkingWithLocalRateLimits) {
    RunningApp app(test_config({{"RATE_LIMIT_PER_MINUTE", "1000"}}));
    ASSERT_TRUE(app.wait_ready());
    ASSERT_TRUE(stack("redis-stop"));
    EXPECT_TRUE(eventually([&] { return get(app.port(), "/ready").status == 503; }));
    EXPECT_EQ(get(app.port(), "/ready").json().at("checks").at("redis").as_string().subview(0, 3), "una");
    const auto account = register_account(app.port());  // still served, limits counted in-process
    EXPECT_EQ(get(app.port(), "/api/v1/users/me", bearer(account.access_token)).status, 200);
    ASSERT_TRUE(stack("redis-start"));
    EXPECT_TRUE(eventually([&] { return get(app.port(), "/ready").status == 200; }));
}

TEST_F(ResilienceIT, SigtermClosesIdleConnectionsAndExitsCleanly) {
    const auto port = free_port();
    const pid_t pid = spawn_server(port);
    ASSERT_NE(pid, 0);
    ASSERT_TRUE(answers_ready(port));
    net::io_context ioc;
    tcp::socket idle(ioc);
    idle.connect({net::ip::make_address("127.0.0.1"), port});

    ASSERT_EQ(kill(pid, SIGTERM), 0);
    int status = 0;
    ASSERT_TRUE(eventually([&] { return waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(15)));
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    char byte;
    boost::system::error_code ec;
    idle.read_some(net::buffer(&byte, 1), ec);
    EXPECT_TRUE(ec == net::error::eof || ec == net::error::connection_reset) << ec.message();
    EXPECT_THROW(get(port, "/health"), std::exception);  // no longer listening
}

TEST_F(ResilienceIT, APhotoWhoseNodeWasKilledMidProcessingIsFinishedAfterARestart) {
    // Both processes share one media directory, as nodes share a store.
    const auto media_root = std::filesystem::path(test_env().stack_dir) / "media-kill-test";
    // One JWT secret, so the account signed up on the first node works on the second.
    const std::map<std::string, std::string> settings{{"MEDIA_ROOT", media_root.string()},
                                                      {"MEDIA_SWEEP_INTERVAL_MS", "200"},
                                                      {"JWT_SECRET", test_config().jwt_secret}};
    const auto port = free_port();
    pid_t pid = spawn_server(port, settings);
    ASSERT_NE(pid, 0);
    ASSERT_TRUE(answers_ready(port));

    const auto me = register_account(port);
    const auto bytes = images::png(4000, 3000);  // 12 megapixels: seconds of work in this build
    const auto id = media_client::upload(port, me, "portfolio", bytes, "image/png");
    ASSERT_TRUE(
        eventually([&] { return query_value("SELECT status FROM media WHERE id = '" + id + "'") == "processing"; },
                   std::chrono::seconds(10)));
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_EQ(query_value("SELECT status FROM media WHERE id = '" + id + "'"), "processing")
        << "the photo was finished before the kill; the test needs a slower image";

    // The dead node's lease would run out within 30 s; end it now rather than wait.
    exec_sql("UPDATE media SET lease_until = now() - interval '1 second' WHERE id = '" + id + "'");
    const auto port2 = free_port();
    pid = spawn_server(port2, settings);
    ASSERT_NE(pid, 0);
    ASSERT_TRUE(answers_ready(port2));
    const auto media = media_client::settled(port2, me, id);
    EXPECT_EQ(media.at("status").as_string(), "ready") << boost::json::serialize(media);
    EXPECT_EQ(media.at("width").as_int64(), 4000);
    const auto large = get(port2, media_client::target_of(media_client::variant_url(media, "large", "jpeg_url")));
    EXPECT_EQ(large.status, 200);
    EXPECT_EQ(images::decode(large.body).width, 1280);
    EXPECT_EQ(query_value("SELECT attempts FROM media WHERE id = '" + id + "'"), "2");
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
}

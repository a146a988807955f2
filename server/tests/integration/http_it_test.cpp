// The HTTP core: problem+json for every failure path, headers, CORS, static files, limits.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/crypto.hpp"
#include "modules/system/routes.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;

namespace {

std::string make_web_root() {
    const auto dir = std::filesystem::temp_directory_path() / ("web-" + core::random_token(6));
    std::filesystem::create_directories(dir / "assets");
    std::ofstream(dir / "index.html") << "<!doctype html><title>Service</title>";
    std::ofstream(dir / "assets" / "app.1a2b3c.js") << "console.log('hi')";
    std::ofstream(dir / "favicon.svg") << "<svg/>";
    std::filesystem::create_directories(dir / "docs");
    std::ofstream(dir / "docs" / "index.html") << "<!doctype html><title>API</title>";
    return dir.string();
}

void expect_problem(const HttpResult& res, int status, std::string_view code) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
    const auto body = res.json().as_object();
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_EQ(body.at("code").as_string(), code);
    EXPECT_EQ(body.at("instance").as_string(), res.header("X-Request-Id"));
}

}  // namespace

class HttpIT : public SharedServerTest<HttpIT> {
  public:
    static std::map<std::string, std::string> overrides() {
        web_root_ = make_web_root();
        return {{"WEB_ROOT", web_root_}, {"CORS_ORIGINS", "https://app.example"}};
    }

  protected:
    static void TearDownTestSuite() {
        SharedServerTest<HttpIT>::TearDownTestSuite();
        std::filesystem::remove_all(web_root_);
    }
    static inline std::string web_root_;
};

TEST_F(HttpIT, UnknownApiPathsAre404Problems) {
    expect_problem(get(port(), "/api/v1/does-not-exist"), 404, "not_found");
    expect_problem(http_request(port(), http::verb::post, "/nowhere", "{}"), 404, "not_found");
}

TEST_F(HttpIT, WrongMethodIs405WithAllow) {
    const auto res = http_request(port(), http::verb::delete_, "/api/v1/users/me");
    expect_problem(res, 405, "method_not_allowed");
    EXPECT_EQ(res.header("Allow"), "GET, PATCH");
}

TEST_F(HttpIT, MalformedJsonIs400AndOversizedBodiesAre413) {
    expect_problem(http_request(port(), http::verb::post, "/api/v1/auth/login", "{\"email\":"), 400, "bad_request");
    expect_problem(http_request(port(), http::verb::post, "/api/v1/auth/login", "\"just a string\""), 400,
                   "bad_request");
    const std::string big(1024 * 1024 + 10, 'x');
    const auto too_large = http_request(port(), http::verb::post, "/api/v1/auth/login", big);
    expect_problem(too_large, 413, "payload_too_large");
    EXPECT_EQ(too_large.header("X-Content-Type-Options"), "nosniff");  // answered before the chain, same headers
}

TEST_F(HttpIT, WrongTypesAndMissingFieldsAre422WithFieldErrors) {
    const auto res = post_json(port(), "/api/v1/auth/register", object{{"email", 12}, {"password", true}});
    expect_problem(res, 422, "validation_failed");
    std::set<std::string> fields;
    const auto doc = res.json();
    for (const auto& e : doc.at("errors").as_array()) fields.insert(std::string(e.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"email", "password", "name"}));
}

TEST_F(HttpIT, HugeHeadersAreRefused) {
    const auto res = get(port(), "/health", {{"X-Big", std::string(32 * 1024, 'h')}});
    EXPECT_EQ(res.status, 431);
}

TEST_F(HttpIT, SecurityHeadersAndRequestIdsOnEveryResponse) {
    for (const auto& res : {get(port(), "/health"), get(port(), "/api/v1/nope"), get(port(), "/")}) {
        EXPECT_NE(res.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
        EXPECT_EQ(res.header("X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(res.header("X-Frame-Options"), "SAMEORIGIN");
        EXPECT_EQ(res.header("Referrer-Policy"), "no-referrer");
        EXPECT_EQ(res.header("Strict-Transport-Security"), "");  // not behind TLS
        EXPECT_EQ(res.header("X-Request-Id").size(), 36u);
    }
    EXPECT_EQ(get(port(), "/health", {{"X-Request-Id", "abc-123"}}).header("X-Request-Id"), "abc-123");
    EXPECT_NE(get(port(), "/health", {{"X-Request-Id", "bad id with spaces"}}).header("X-Request-Id"),
              "bad id with spaces");
}

TEST_F(HttpIT, CorsAllowsOnlyConfiguredOrigins) {
    const auto ok = http_request(port(), http::verb::options, "/api/v1/users/me", {},
                                 {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "PATCH"}});
    EXPECT_EQ(ok.status, 204);
    EXPECT_EQ(ok.header("Access-Control-Allow-Origin"), "https://app.example");
    EXPECT_NE(ok.header("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
    const auto bad = http_request(port(), http::verb::options, "/api/v1/users/me", {},
                                  {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "PATCH"}});
    EXPECT_EQ(bad.status, 403);
    EXPECT_EQ(bad.header("Access-Control-Allow-Origin"), "");
    EXPECT_EQ(get(port(), "/health", {{"Origin", "https://app.example"}}).header("Access-Control-Allow-Origin"),
              "https://app.example");
}

TEST_F(HttpIT, ServesTheWebClientWithSpaFallbackAndCaching) {
    const auto index = get(port(), "/");
    EXPECT_EQ(index.status, 200);
    EXPECT_EQ(index.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(index.header("Cache-Control"), "no-cache");
    const auto asset = get(port(), "/assets/app.1a2b3c.js");
    EXPECT_EQ(asset.header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(asset.header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(get(port(), "/favicon.svg").header("Content-Type"), "image/svg+xml");
    const auto route = get(port(), "/profile/settings");
    EXPECT_EQ(route.status, 200);
    EXPECT_EQ(route.body, index.body);
    EXPECT_EQ(get(port(), "/missing.png").status, 404);
    const auto docs = get(port(), "/docs");
    EXPECT_EQ(docs.status, 301);
    EXPECT_EQ(docs.header("Location"), "/docs/");
    EXPECT_EQ(get(port(), "/docs/").body, "<!doctype html><title>API</title>");
    EXPECT_EQ(get(port(), "/assets/gone.js").status, 404);
    EXPECT_EQ(get(port(), "/", {{"If-None-Match", index.header("ETag")}}).status, 304);
    const auto head = http_request(port(), http::verb::head, "/");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("Content-Length"), std::to_string(index.body.size()));
    const auto escape = get(port(), "/../../etc/passwd");  // never a file outside the root
    EXPECT_EQ(escape.status, 404);
    EXPECT_EQ(escape.body.find("root:"), std::string::npos);
}

TEST_F(HttpIT, EveryRouteIsInTheOpenApiDocument) {
    const auto doc = boost::json::parse(system::openapi_document()).as_object();
    EXPECT_EQ(doc.at("openapi").as_string().subview(0, 3), "3.1");
    const auto& paths = doc.at("paths").as_object();
    for (const auto& route : server_->app().router().routes()) {
        std::string method(http::to_string(route.method));
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        const auto* path = paths.if_contains(route.pattern);
        ASSERT_NE(path, nullptr) << route.pattern << " is not in docs/openapi.json";
        EXPECT_TRUE(path->as_object().contains(method)) << method << " " << route.pattern << " is not documented";
    }
    const auto served = get(port(), "/api/v1/openapi.json");
    EXPECT_EQ(served.status, 200);
    EXPECT_EQ(boost::json::parse(served.body), boost::json::parse(system::openapi_document()));
}

TEST_F(HttpIT, MetricsCountRequestsByRoutePattern) {
    get(port(), "/api/v1/categories");
    const auto text = get(port(), "/metrics").body;
    EXPECT_NE(text.find("http_requests_total{method=\"GET\",route=\"/api/v1/categories\",status=\"200\"}"),
              std::string::npos);
    EXPECT_NE(
        text.find("http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/categories\",le=\"0.005\"}"),
        std::string::npos);
    EXPECT_NE(text.find("db_pool_connections{state=\"open\"}"), std::string::npos);
    EXPECT_NE(text.find("redis_up 1"), std::string::npos);
}

TEST_F(HttpIT, KeepAliveServesSeveralRequestsOnOneConnection) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({net::ip::make_address("127.0.0.1"), port()});
    beast::flat_buffer buffer;
    for (int i = 0; i < 3; ++i) {
        http::request<http::empty_body> req{http::verb::get, "/health", 11};
        req.set(http::field::host, "x");
        http::write(socket, req);
        http::response<http::string_body> res;
        http::read(socket, buffer, res);
        EXPECT_EQ(res.result_int(), 200);
        EXPECT_TRUE(res.keep_alive());
    }
}

class LimitsIT : public ::testing::Test {};

TEST_F(LimitsIT, RateLimitsPerClientIpWith429AndRetryAfter) {
    RunningApp app(test_config(
        {{"RATE_LIMIT_PER_MINUTE", "6"}, {"AUTH_RATE_LIMIT_PER_MINUTE", "2"}, {"TRUSTED_PROXIES", "127.0.0.1"}}));
    ASSERT_TRUE(app.wait_ready());
    // A distinct client address per run, so counts from other runs in this minute do not mix in.
    const std::string ip =
        "198.51.100." + std::to_string(1 + static_cast<unsigned char>(core::random_bytes(1)[0]) % 250);
    const Headers from_client{{"X-Forwarded-For", ip}};
    const object login{{"email", "nobody@example.com"}, {"password", "whatever1"}};
    EXPECT_EQ(post_json(app.port(), "/api/v1/auth/login", login, from_client).status, 401);
    EXPECT_EQ(post_json(app.port(), "/api/v1/auth/login", login, from_client).status, 401);
    const auto limited = post_json(app.port(), "/api/v1/auth/login", login, from_client);
    expect_problem(limited, 429, "rate_limited");
    const int retry = std::stoi(limited.header("Retry-After"));
    EXPECT_GE(retry, 1);
    EXPECT_LE(retry, 60);
    // The general limit counts every API request from that client: 3 so far, 3 more fit.
    for (int i = 0; i < 3; ++i) EXPECT_EQ(get(app.port(), "/api/v1/categories", from_client).status, 200) << i;
    EXPECT_EQ(get(app.port(), "/api/v1/categories", from_client).status, 429);
    // Health checks are never limited; another client is unaffected.
    EXPECT_EQ(get(app.port(), "/health", from_client).status, 200);
    EXPECT_EQ(get(app.port(), "/api/v1/categories", {{"X-Forwarded-For", "203.0.113.77"}}).status, 200);
}

TEST_F(LimitsIT, ForwardedForIsIgnoredFromUntrustedPeers) {
    RunningApp app(test_config({{"RATE_LIMIT_PER_MINUTE", "0"}, {"AUTH_RATE_LIMIT_PER_MINUTE", "1"}}));
    ASSERT_TRUE(app.wait_ready());
    // Without TRUSTED_PROXIES, every request counts against the real peer (127.0.0.1), whatever it claims.
    int limited = 0;
    for (int i = 0; i < 3; ++i) {
        const auto res =
            post_json(app.port(), "/api/v1/auth/login", object{{"email", "a@b.co"}, {"password", "12345678"}},
                      {{"X-Forwarded-For", "192.0.2." + std::to_string(i + 1)}});
        limited += res.status == 429 ? 1 : 0;
    }
    EXPECT_GE(limited, 2);
}

TEST_F(LimitsIT, SlowClientsAreDisconnected) {
    RunningApp app(test_config({{"READ_TIMEOUT_SECONDS", "1"}}));
    ASSERT_TRUE(app.wait_ready());
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({net::ip::make_address("127.0.0.1"), app.port()});
    net::write(socket, net::buffer(std::string("GET /health HTTP/1.1\r\nHost: x\r\n")));  // never finishes
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    char byte;
    boost::system::error_code ec;
    socket.read_some(net::buffer(&byte, 1), ec);
    EXPECT_TRUE(ec == net::error::eof || ec == net::error::connection_reset) << ec.message();
}

TEST_F(LimitsIT, ConnectionsBeyondTheCapAreRefused) {
    RunningApp app(test_config({{"MAX_CONNECTIONS", "2"}}));
    ASSERT_TRUE(app.wait_ready());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the probe connections close
    net::io_context ioc;
    auto open_and_ask = [&](tcp::socket& s) {
        s.connect({net::ip::make_address("127.0.0.1"), app.port()});
        http::request<http::empty_body> req{http::verb::get, "/health", 11};
        req.set(http::field::host, "x");
        http::write(s, req);
        beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(s, buffer, res);
        return res.result_int();
    };
    tcp::socket a(ioc), b(ioc), c(ioc);
    EXPECT_EQ(open_and_ask(a), 200);
    EXPECT_EQ(open_and_ask(b), 200);
    EXPECT_THROW(open_and_ask(c), boost::system::system_error);  // accepted, then closed at once
    a.close();
    bool served = false;
    for (int i = 0; i < 50 && !served; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        try {
            served = get(app.port(), "/health").status == 200;
        } catch (const std::exception&) {
        }
    }
    EXPECT_TRUE(served);  // a freed slot is usable again
}

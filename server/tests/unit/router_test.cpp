#include <gtest/gtest.h>

#include "core/router.hpp"

using namespace service;
using namespace service::core;

namespace {

Handler noop() {
    return [](Request&) -> net::awaitable<Response> { co_return empty_response(http::status::ok); };
}

}  // namespace

TEST(Router, MatchesStaticAndParameterSegments) {
    Router router;
    router.add(http::verb::get, "/api/v1/masters/{id}", noop());
    router.add(http::verb::get, "/api/v1/masters/{id}/reviews", noop());
    const auto m = router.match(http::verb::get, "/api/v1/masters/abc%20def/reviews");
    ASSERT_EQ(m.kind, RouteMatch::Kind::kFound);
    EXPECT_EQ(m.route->pattern, "/api/v1/masters/{id}/reviews");
    ASSERT_EQ(m.params.size(), 1u);
    EXPECT_EQ(m.params[0].first, "id");
    EXPECT_EQ(m.params[0].second, "abc def");
}

TEST(Router, LiteralSegmentsWinOverParameters) {
    Router router;
    router.add(http::verb::get, "/api/v1/users/{id}", noop());
    router.add(http::verb::get, "/api/v1/users/me", noop());
    EXPECT_EQ(router.match(http::verb::get, "/api/v1/users/me").route->pattern, "/api/v1/users/me");
    EXPECT_EQ(router.match(http::verb::get, "/api/v1/users/42").route->pattern, "/api/v1/users/{id}");
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
    Router router;
    router.add(http::verb::get, "/api/v1/users/me", noop());
    router.add(http::verb::patch, "/api/v1/users/me", noop());
    const auto m = router.match(http::verb::delete_, "/api/v1/users/me");
    EXPECT_EQ(m.kind, RouteMatch::Kind::kMethodNotAllowed);
    ASSERT_EQ(m.allowed.size(), 2u);
    EXPECT_EQ(m.allowed[0], http::verb::get);
    EXPECT_EQ(m.allowed[1], http::verb::patch);
}

TEST(Router, HeadFallsBackToGetAndUnknownPathsAreNotFound) {
    Router router;
    router.add(http::verb::get, "/health", noop());
    EXPECT_EQ(router.match(http::verb::head, "/health").kind, RouteMatch::Kind::kFound);
    EXPECT_EQ(router.match(http::verb::get, "/healthz").kind, RouteMatch::Kind::kNotFound);
    EXPECT_EQ(router.match(http::verb::get, "/health/x").kind, RouteMatch::Kind::kNotFound);
}

TEST(Router, EmptyOrBadlyEncodedParametersDoNotMatch) {
    Router router;
    router.add(http::verb::get, "/a/{id}", noop());
    EXPECT_EQ(router.match(http::verb::get, "/a/").kind, RouteMatch::Kind::kNotFound);
    EXPECT_EQ(router.match(http::verb::get, "/a/%zz").kind, RouteMatch::Kind::kNotFound);
    EXPECT_EQ(router.match(http::verb::get, "/a/%00").kind, RouteMatch::Kind::kNotFound);
}

TEST(Router, DuplicateRoutesAreAProgrammingError) {
    Router router;
    router.add(http::verb::get, "/x", noop());
    EXPECT_THROW(router.add(http::verb::get, "/x", noop()), std::logic_error);
}

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/problem.hpp"

using namespace service;
using namespace service::core;

TEST(Problem, RendersRfc9457WithCodeInstanceAndFieldErrors) {
    auto error = ApiError::validation({{"email", "is required"}});
    const auto res = problem_response(error, "req-1");
    EXPECT_EQ(res.result(), http::status::unprocessable_entity);
    EXPECT_EQ(res[http::field::content_type], "application/problem+json");
    const auto body = boost::json::parse(res.body()).as_object();
    EXPECT_EQ(body.at("type").as_string(), "urn:service:problem:validation_failed");
    EXPECT_EQ(body.at("status").as_int64(), 422);
    EXPECT_EQ(body.at("code").as_string(), "validation_failed");
    EXPECT_EQ(body.at("instance").as_string(), "req-1");
    EXPECT_EQ(body.at("errors").as_array()[0].as_object().at("field").as_string(), "email");
}

TEST(Problem, CarriesExtraHeaders) {
    ApiError error(http::status::too_many_requests, "rate_limited", "Too many requests");
    error.with_header(http::field::retry_after, "17");
    const auto res = problem_response(error, "");
    EXPECT_EQ(res[http::field::retry_after], "17");
    EXPECT_FALSE(boost::json::parse(res.body()).as_object().contains("instance"));
}

TEST(Problem, InternalErrorsRevealNothingButTheRequestId) {
    const auto res = internal_error_response("req-9");
    const auto body = boost::json::parse(res.body()).as_object();
    EXPECT_EQ(body.at("type").as_string(), "about:blank");
    EXPECT_EQ(body.at("status").as_int64(), 500);
    EXPECT_FALSE(body.contains("detail"));
    EXPECT_EQ(body.at("instance").as_string(), "req-9");
}

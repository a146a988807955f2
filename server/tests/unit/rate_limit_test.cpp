#include <gtest/gtest.h>

#include "core/rate_limit.hpp"

using namespace service::core;

TEST(RateLimiter, LocalFallbackAllowsTheLimitThenRefuses) {
    RateLimiter limiter(nullptr);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.hit_local("k", 3, 100).allowed);
    const auto refused = limiter.hit_local("k", 3, 100);
    EXPECT_FALSE(refused.allowed);
    EXPECT_GE(refused.retry_after_seconds, 1);
    EXPECT_LE(refused.retry_after_seconds, 60);
    // Another client and the next window are unaffected.
    EXPECT_TRUE(limiter.hit_local("other", 3, 100).allowed);
    EXPECT_TRUE(limiter.hit_local("k", 3, 101).allowed);
}

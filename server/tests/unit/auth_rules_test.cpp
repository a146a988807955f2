#include <gtest/gtest.h>

#include "modules/auth/password.hpp"

using namespace service::auth;

TEST(Password, BcryptHashesVerifyAndUseTheRequestedCost) {
    const auto hash = hash_password("correct horse", 10);
    EXPECT_EQ(hash.rfind("$2b$10$", 0), 0u) << hash;
    EXPECT_TRUE(verify_password("correct horse", hash));
    EXPECT_FALSE(verify_password("correct horsE", hash));
    EXPECT_NE(hash_password("correct horse", 10), hash);  // salted
}

TEST(Password, GarbageHashesNeverVerify) {
    EXPECT_FALSE(verify_password("x", ""));
    EXPECT_FALSE(verify_password("x", "not a hash"));
}

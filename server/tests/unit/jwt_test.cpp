#include <gtest/gtest.h>

#include "core/crypto.hpp"
#include "core/jwt.hpp"

using namespace service::core;
using namespace std::chrono;

namespace {

const std::string kSecret(40, 's');
const auto kNow = system_clock::time_point(seconds(1'700'000'000));

std::string forge(const std::string& header_json, const std::string& payload_json, const std::string& secret) {
    std::string token = base64url_encode(header_json) + "." + base64url_encode(payload_json);
    return token + "." + base64url_encode(hmac_sha256(secret, token));
}

}  // namespace

TEST(Jwt, IssuedTokensVerifyWithTheirClaims) {
    jwt::Codec codec(kSecret);
    const auto token = codec.issue("user-1", "master", kNow);
    const auto claims = codec.verify(token, kNow + minutes(14));
    ASSERT_TRUE(claims);
    EXPECT_EQ(claims->sub, "user-1");
    EXPECT_EQ(claims->role, "master");
    EXPECT_EQ(claims->exp - claims->iat, 15 * 60);
}

TEST(Jwt, ExpiresAfterFifteenMinutes) {
    jwt::Codec codec(kSecret);
    const auto token = codec.issue("u", "client", kNow);
    const auto result = codec.verify(token, kNow + minutes(16));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error(), jwt::Error::kExpired);
}

TEST(Jwt, RejectsAnotherKeysSignature) {
    const auto token = jwt::Codec(std::string(40, 'x')).issue("u", "admin", kNow);
    const auto result = jwt::Codec(kSecret).verify(token, kNow);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error(), jwt::Error::kBadSignature);
}

TEST(Jwt, RejectsAlgNoneAndOtherAlgorithms) {
    jwt::Codec codec(kSecret);
    const std::string payload = R"({"sub":"u","role":"admin","iat":1700000000,"exp":1700000900})";
    const auto none = base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url_encode(payload) + ".";
    EXPECT_EQ(codec.verify(none, kNow).error(), jwt::Error::kBadAlgorithm);
    const auto none_signed = forge(R"({"alg":"none"})", payload, kSecret);
    EXPECT_EQ(codec.verify(none_signed, kNow).error(), jwt::Error::kBadAlgorithm);
    const auto hs512 = forge(R"({"alg":"HS512","typ":"JWT"})", payload, kSecret);
    EXPECT_EQ(codec.verify(hs512, kNow).error(), jwt::Error::kBadAlgorithm);
}

TEST(Jwt, RejectsMalformedTokens) {
    jwt::Codec codec(kSecret);
    const std::vector<std::string> bad_tokens{"", "abc", "a.b", "a.b.c.d", "!!.??.**", std::string(5000, 'a')};
    for (const auto& bad : bad_tokens) {
        EXPECT_FALSE(codec.verify(bad, kNow)) << bad.substr(0, 20);
    }
    // Correctly signed but missing claims or with wrong types.
    EXPECT_EQ(codec.verify(forge(R"({"alg":"HS256"})", R"({"sub":"u"})", kSecret), kNow).error(),
              jwt::Error::kMalformed);
    EXPECT_EQ(
        codec.verify(forge(R"({"alg":"HS256"})", R"({"sub":1,"role":"x","iat":1,"exp":2})", kSecret), kNow).error(),
        jwt::Error::kMalformed);
}

TEST(Jwt, RejectsTokensIssuedInTheFuture) {
    jwt::Codec codec(kSecret);
    const auto token = codec.issue("u", "client", kNow + hours(1));
    EXPECT_EQ(codec.verify(token, kNow).error(), jwt::Error::kNotYetValid);
}

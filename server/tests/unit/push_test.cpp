#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <ostream>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "infra/push/fcm_provider.hpp"
#include "infra/push/log_provider.hpp"
#include "infra/push/service_account.hpp"

namespace service::infra::push {
// Readable gtest failures ("retry", not "4-byte object <02-00 00-00>").
void PrintTo(Outcome outcome, std::ostream* out) { *out << to_string(outcome); }
}  // namespace service::infra::push

namespace {

using namespace std::chrono_literals;
using service::infra::push::Message;
using service::infra::push::Outcome;
namespace fcm = service::infra::push::fcm;
namespace json = boost::json;

Message sample() {
    Message m;
    m.token = "token-1";
    m.platform = "android";
    m.title = "Title";
    m.body = "Body";
    m.data = {{"kind", "chat.message"}, {"chat_id", "7"}};
    return m;
}

json::object message_of(const std::string& body) { return json::parse(body).at("message").as_object(); }

TEST(PushFcmBody, HasTheV1Shape) {
    auto m = sample();
    m.collapse_key = "chat-7";
    const auto body = fcm::request_body(m);
    ASSERT_TRUE(body);
    const auto msg = message_of(*body);
    EXPECT_EQ(msg.at("token"), "token-1");
    EXPECT_EQ(msg.at("notification").at("title"), "Title");
    EXPECT_EQ(msg.at("notification").at("body"), "Body");
    EXPECT_EQ(msg.at("data").at("chat_id"), "7");
    EXPECT_EQ(msg.at("android").at("priority"), "high");
    EXPECT_EQ(msg.at("android").at("collapse_key"), "chat-7");
    EXPECT_EQ(msg.at("apns").at("headers").at("apns-priority"), "10");
    EXPECT_EQ(msg.at("apns").at("headers").at("apns-collapse-id"), "chat-7");
    EXPECT_FALSE(msg.contains("webpush"));

    m.platform = "web";
    EXPECT_EQ(message_of(*fcm::request_body(m)).at("webpush").at("headers").at("Topic"), "chat-7");
}

TEST(PushFcmBody, CollapseKeysTheHeadersCannotCarryAreDigested) {
    auto m = sample();
    m.platform = "web";
    m.collapse_key = "booking:" + std::string(80, 'x');  // ':' is not allowed in a Topic; too long for APNs
    const auto first = message_of(*fcm::request_body(m));
    const auto second = message_of(*fcm::request_body(m));
    const auto topic = std::string(first.at("webpush").at("headers").at("Topic").as_string());
    const auto apns = std::string(first.at("apns").at("headers").at("apns-collapse-id").as_string());
    EXPECT_LE(topic.size(), 32u);
    EXPECT_TRUE(std::all_of(topic.begin(), topic.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    })) << topic;
    EXPECT_LE(apns.size(), 64u);
    EXPECT_EQ(topic, std::string(second.at("webpush").at("headers").at("Topic").as_string()));
    EXPECT_EQ(first.at("android").at("collapse_key"), json::value(*m.collapse_key));  // Android takes it as it is
}

TEST(PushFcmBody, CutsTheBodyAtCodePointsToFit) {
    auto m = sample();
    m.body = std::string(100, 'a') + "ж€😀";  // 2-, 3- and 4-byte sequences
    for (std::size_t limit = 300; limit < 330; ++limit) {
        const auto body = fcm::request_body(m, limit);
        ASSERT_TRUE(body) << limit;
        EXPECT_LE(body->size(), limit);
        const auto text = std::string(message_of(*body).at("notification").at("body").as_string());
        if (text != m.body) {
            ASSERT_TRUE(text.ends_with("\xE2\x80\xA6")) << text;
            EXPECT_TRUE(m.body.starts_with(text.substr(0, text.size() - 3))) << limit;
        }
    }
    EXPECT_EQ(fcm::request_body(m, 4096), fcm::request_body(m));
}

TEST(PushFcmBody, EscapedCharactersCountAtTheirEscapedSize) {
    auto m = sample();
    m.body = std::string(6000, '"');  // each becomes \" in JSON
    const auto body = fcm::request_body(m);
    ASSERT_TRUE(body);
    EXPECT_LE(body->size(), fcm::kMaxMessageBytes);
    EXPECT_GT(body->size(), fcm::kMaxMessageBytes - 8);
}

TEST(PushFcmBody, TooLargeWithoutTheBodyIsRefused) {
    auto m = sample();
    m.data.emplace_back("blob", std::string(5000, 'x'));
    EXPECT_FALSE(fcm::request_body(m));
}

TEST(PushFcmBody, Utf8Prefix) {
    const std::string text = "aж€😀";  // 1 + 2 + 3 + 4 bytes
    EXPECT_EQ(fcm::utf8_prefix(text, 100), text);
    EXPECT_EQ(fcm::utf8_prefix(text, 1), "a");
    EXPECT_EQ(fcm::utf8_prefix(text, 2), "a");
    EXPECT_EQ(fcm::utf8_prefix(text, 3), "aж");
    EXPECT_EQ(fcm::utf8_prefix(text, 5), "aж");
    EXPECT_EQ(fcm::utf8_prefix(text, 6), "aж€");
    EXPECT_EQ(fcm::utf8_prefix(text, 9), "aж€");
    EXPECT_EQ(fcm::utf8_prefix(text, 0), "");
}

TEST(PushFcmRules, ReservedDataKeys) {
    auto m = sample();
    EXPECT_FALSE(fcm::check_message(m));
    for (const char* key : {"from", "message_type", "google.c.a", "gcm.notification.x", "Google"}) {
        auto bad = sample();
        bad.data.emplace_back(key, "v");
        EXPECT_TRUE(fcm::check_message(bad)) << key;
    }
}

TEST(PushFcmRules, RetryAfter) {
    const auto now = std::chrono::sys_days(std::chrono::year(2015) / 10 / 21) + 7h + 27min;
    EXPECT_EQ(fcm::parse_retry_after("7", now), 7s);
    EXPECT_EQ(fcm::parse_retry_after(" 120 ", now), 120s);
    EXPECT_EQ(fcm::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), 60s);
    EXPECT_EQ(fcm::parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), 0s);
    EXPECT_FALSE(fcm::parse_retry_after("", now));
    EXPECT_FALSE(fcm::parse_retry_after("-1", now));
    EXPECT_FALSE(fcm::parse_retry_after("soon", now));
    EXPECT_FALSE(fcm::parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", now));
}

std::string fcm_error(int code, const std::string& status, const std::string& message, const std::string& details) {
    return R"({"error":{"code":)" + std::to_string(code) + R"(,"message":")" + message + R"(","status":")" + status +
           R"(","details":[)" + details + "]}}";
}
std::string fcm_code(const std::string& code) {
    return R"({"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":")" + code + R"("})";
}

TEST(PushFcmRules, ClassifiesFcmReplies) {
    const auto sent = fcm::classify_send_reply(200, R"({"name":"projects/p/messages/0:123"})", std::nullopt);
    EXPECT_EQ(sent.outcome, Outcome::kSent);
    EXPECT_EQ(sent.message_id, "projects/p/messages/0:123");

    const auto gone = fcm::classify_send_reply(
        404, fcm_error(404, "NOT_FOUND", "Requested entity was not found.", fcm_code("UNREGISTERED")), std::nullopt);
    EXPECT_EQ(gone.outcome, Outcome::kTokenInvalid);
    EXPECT_EQ(gone.detail, "FCM HTTP 404 NOT_FOUND UNREGISTERED: Requested entity was not found.");
    EXPECT_EQ(fcm::classify_send_reply(404, "", std::nullopt).outcome, Outcome::kTokenInvalid);
    EXPECT_EQ(
        fcm::classify_send_reply(
            403, fcm_error(403, "PERMISSION_DENIED", "SenderId mismatch", fcm_code("SENDER_ID_MISMATCH")), std::nullopt)
            .outcome,
        Outcome::kTokenInvalid);

    const std::string violation =
        R"({"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"message.token","description":"Invalid registration token"}]})";
    EXPECT_EQ(fcm::classify_send_reply(400,
                                       fcm_error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.",
                                                 fcm_code("INVALID_ARGUMENT") + "," + violation),
                                       std::nullopt)
                  .outcome,
              Outcome::kTokenInvalid);
    EXPECT_EQ(fcm::classify_send_reply(
                  400,
                  fcm_error(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
                            fcm_code("INVALID_ARGUMENT")),
                  std::nullopt)
                  .outcome,
              Outcome::kTokenInvalid);
    const auto ours = fcm::classify_send_reply(
        400,
        fcm_error(400, "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'", fcm_code("INVALID_ARGUMENT")),
        std::nullopt);
    EXPECT_EQ(ours.outcome, Outcome::kFailed);
    // A message about the registration token without FCM's errorCode is not enough.
    EXPECT_EQ(fcm::classify_send_reply(400, fcm_error(400, "INVALID_ARGUMENT", "registration token", ""), std::nullopt)
                  .outcome,
              Outcome::kFailed);

    const auto quota = fcm::classify_send_reply(
        429, fcm_error(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", fcm_code("QUOTA_EXCEEDED")), 7s);
    EXPECT_EQ(quota.outcome, Outcome::kRetry);
    EXPECT_EQ(quota.retry_after, 7s);
    EXPECT_EQ(fcm::classify_send_reply(503, "<html>oops</html>", std::nullopt).outcome, Outcome::kRetry);
    EXPECT_EQ(
        fcm::classify_send_reply(500, fcm_error(500, "INTERNAL", "x", fcm_code("INTERNAL")), std::nullopt).outcome,
        Outcome::kRetry);
    EXPECT_EQ(fcm::classify_send_reply(401, fcm_error(401, "UNAUTHENTICATED", "x", ""), std::nullopt).outcome,
              Outcome::kFailed);
    EXPECT_EQ(fcm::classify_send_reply(403, fcm_error(403, "PERMISSION_DENIED", "x", ""), std::nullopt).outcome,
              Outcome::kFailed);
}

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

std::string private_pem(EVP_PKEY* key) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

TEST(PushServiceAccount, AssertionIsASignedRs256Jwt) {
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_RSA_gen(2048));
    ASSERT_TRUE(key);
    const service::infra::push::ServiceAccount account{"p", "kid-1", private_pem(key.get()), "a@p.iam.example",
                                                       "https://oauth2.example/token"};
    const service::infra::push::RsaSigner signer(account.private_key);
    const auto now = std::chrono::sys_days(std::chrono::year(2031) / 4 / 5) + 6h;
    const auto jwt = service::infra::push::make_assertion(account, signer, now);

    const auto dot1 = jwt.find('.');
    const auto dot2 = jwt.rfind('.');
    const auto header = json::parse(*service::core::base64url_decode(jwt.substr(0, dot1))).as_object();
    const auto claims =
        json::parse(*service::core::base64url_decode(jwt.substr(dot1 + 1, dot2 - dot1 - 1))).as_object();
    EXPECT_EQ(header.at("alg"), "RS256");
    EXPECT_EQ(header.at("typ"), "JWT");
    EXPECT_EQ(header.at("kid"), "kid-1");
    EXPECT_EQ(claims.at("iss"), "a@p.iam.example");
    EXPECT_EQ(claims.at("scope"), "https://www.googleapis.com/auth/firebase.messaging");
    EXPECT_EQ(claims.at("aud"), "https://oauth2.example/token");
    const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    EXPECT_EQ(claims.at("iat").as_int64(), iat);
    EXPECT_EQ(claims.at("exp").as_int64(), iat + 3600);

    const auto signature = *service::core::base64url_decode(jwt.substr(dot2 + 1));
    EXPECT_EQ(signature.size(), 256u);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    ASSERT_EQ(EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()), 1);
    const auto signed_part = jwt.substr(0, dot2);
    EXPECT_EQ(EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                               reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()),
              1);
}

TEST(PushServiceAccount, ParseNamesWhatIsWrong) {
    using service::core::ConfigError;
    using service::infra::push::parse_service_account;
    const std::string good =
        R"({"type":"service_account","project_id":"p-1","private_key_id":"k","private_key":"pem","client_email":"e","token_uri":"https://oauth2.googleapis.com/token"})";
    const auto account = parse_service_account(good);
    EXPECT_EQ(account.project_id, "p-1");
    EXPECT_EQ(account.token_uri, "https://oauth2.googleapis.com/token");
    EXPECT_THROW(parse_service_account("[]"), ConfigError);
    EXPECT_THROW(parse_service_account(R"({"project_id":"p"})"), ConfigError);
    try {
        parse_service_account(R"({"project_id":"p","private_key_id":"k","private_key":"pem","client_email":"e"})");
        ADD_FAILURE() << "no token_uri accepted";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("token_uri"), std::string::npos) << e.what();
    }
    std::string wrong_type = good;
    wrong_type.replace(wrong_type.find("service_account"), 15, "authorized_user");
    EXPECT_THROW(parse_service_account(wrong_type), ConfigError);
    std::string slash = good;
    slash.replace(slash.find("p-1"), 3, "a/b");
    EXPECT_THROW(parse_service_account(slash), ConfigError);
    EXPECT_THROW(service::infra::push::RsaSigner("not a key"), ConfigError);
}

TEST(PushLogProvider, ReportsSentAndHidesTheToken) {
    service::infra::push::LogProvider provider;
    EXPECT_EQ(provider.name(), "log");
    EXPECT_EQ(provider.send(sample()).outcome, Outcome::kSent);
    EXPECT_EQ(service::infra::push::shorten_token("abcdefghijklmnop"), "abcdefgh...");
    EXPECT_EQ(service::infra::push::shorten_token("short"), "*****");
}

}  // namespace

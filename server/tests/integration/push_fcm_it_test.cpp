// The FCM HTTP v1 provider against FakeFcm (support/fake_fcm.hpp), a real HTTP server on
// loopback that verifies the OAuth assertion with the public key and the message's JSON shape.
// Needs neither PostgreSQL nor Redis.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "infra/push/fcm_provider.hpp"
#include "infra/push/push.hpp"
#include "infra/push/service_account.hpp"
#include "support/fake_fcm.hpp"

namespace service::infra::push {
// Readable gtest failures ("retry", not "4-byte object <02-00 00-00>").
void PrintTo(Outcome outcome, std::ostream* out) { *out << to_string(outcome); }
}  // namespace service::infra::push

namespace {

using namespace std::chrono_literals;
using service::core::ConfigError;
using service::infra::push::Message;
using service::infra::push::Outcome;
using service::infra::push::Provider;
using service::infra::push::Result;
using service::testing::FakeFcm;
using service::testing::FakeFcmReply;
namespace fs = std::filesystem;

service::core::Config fcm_config(const FakeFcm& fake) {
    service::core::Config config;
    config.push_provider = "fcm";
    config.fcm_credentials_file = fake.credentials_path();
    config.fcm_endpoint = fake.endpoint();
    return config;
}

Message message_to(std::string token) {
    Message m;
    m.token = std::move(token);
    m.platform = "android";
    m.title = "Booking confirmed";
    m.body = "Anna confirmed your manicure on Friday at 15:00";
    m.data = {{"type", "booking.confirmed"}, {"booking_id", "42"}};
    return m;
}

// True when `text` is well-formed UTF-8 (no truncated or overlong sequences, no surrogates).
bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= text.size()) return false;
        for (std::size_t k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(text[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        const std::uint32_t min[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

class PushFcm : public ::testing::Test {
  protected:
    PushFcm() : clock_(service::core::TestClock::running()), fake_(clock_) {}

    void SetUp() override { provider_ = service::infra::push::make_provider(fcm_config(fake_), clock_); }
    void TearDown() override { EXPECT_TRUE(fake_.protocol_errors().empty()) << fake_.protocol_errors().front(); }

    Result send(const Message& m) { return provider_->send(m); }

    service::core::TestClock clock_;
    FakeFcm fake_;
    std::unique_ptr<Provider> provider_;
};

TEST_F(PushFcm, SendsTheMessageShapeFcmExpects) {
    auto m = message_to("device-token-android-1");
    m.collapse_key = "booking-42";
    const auto result = send(m);
    ASSERT_EQ(result.outcome, Outcome::kSent) << result.detail;
    EXPECT_EQ(provider_->name(), "fcm");
    EXPECT_EQ(result.message_id, "projects/" + fake_.project_id() + "/messages/1");

    const auto got = fake_.wait_for_messages(1);
    ASSERT_EQ(got.size(), 1u);
    const auto& p = got[0];
    EXPECT_EQ(p.token, "device-token-android-1");
    EXPECT_EQ(p.title, "Booking confirmed");
    EXPECT_EQ(p.body, "Anna confirmed your manicure on Friday at 15:00");
    EXPECT_EQ(p.data, (std::map<std::string, std::string>{{"type", "booking.confirmed"}, {"booking_id", "42"}}));
    EXPECT_EQ(p.message.at("android").at("priority"), "high");
    EXPECT_EQ(p.message.at("android").at("collapse_key"), "booking-42");
    EXPECT_EQ(p.message.at("apns").at("headers").at("apns-priority"), "10");
    EXPECT_EQ(p.message.at("apns").at("headers").at("apns-collapse-id"), "booking-42");
    EXPECT_FALSE(p.message.contains("webpush")) << boost::json::serialize(p.message);
}

TEST_F(PushFcm, WithoutACollapseKeyNoneIsSent) {
    auto m = message_to("device-token-ios-1");
    m.platform = "ios";
    m.data.clear();
    ASSERT_EQ(send(m).outcome, Outcome::kSent);
    const auto got = fake_.wait_for_messages(1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_FALSE(got[0].message.contains("data"));
    EXPECT_FALSE(got[0].message.at("android").as_object().contains("collapse_key"));
    EXPECT_FALSE(got[0].message.at("apns").at("headers").as_object().contains("apns-collapse-id"));
}

TEST_F(PushFcm, WebMessagesCollapseByTopic) {
    auto m = message_to("device-token-web-1");
    m.platform = "web";
    m.collapse_key = "chat-7";
    ASSERT_EQ(send(m).outcome, Outcome::kSent);
    const auto got = fake_.wait_for_messages(1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].message.at("webpush").at("headers").at("Topic"), "chat-7");
}

TEST_F(PushFcm, OneTokenAndOneConnectionForManySends) {
    for (int i = 0; i < 20; ++i) {
        const auto result = send(message_to("device-" + std::to_string(i)));
        ASSERT_EQ(result.outcome, Outcome::kSent) << i << ": " << result.detail;
    }
    EXPECT_EQ(fake_.messages().size(), 20u);
    EXPECT_EQ(fake_.token_requests(), 1);
    // The token exchange and all 20 sends ride one keep-alive connection.
    EXPECT_EQ(fake_.connections(), 1);
}

TEST_F(PushFcm, ConcurrentSendsShareOneToken) {
    constexpr int kThreads = 6;
    constexpr int kEach = 5;
    std::atomic<int> sent{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                if (send(message_to("device-" + std::to_string(t) + "-" + std::to_string(i))).outcome == Outcome::kSent)
                    ++sent;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(sent.load(), kThreads * kEach);
    EXPECT_EQ(fake_.messages().size(), static_cast<std::size_t>(kThreads * kEach));
    EXPECT_EQ(fake_.token_requests(), 1);
    EXPECT_LE(fake_.connections(), kThreads);
}

TEST_F(PushFcm, UnregisteredTokenIsInvalid) {
    fake_.add_unregistered("gone-token");
    const auto result = send(message_to("gone-token"));
    EXPECT_EQ(result.outcome, Outcome::kTokenInvalid);
    EXPECT_NE(result.detail.find("404"), std::string::npos) << result.detail;
    EXPECT_NE(result.detail.find("UNREGISTERED"), std::string::npos) << result.detail;
    EXPECT_TRUE(fake_.messages().empty());
    EXPECT_EQ(send(message_to("other-token")).outcome, Outcome::kSent);
}

TEST_F(PushFcm, InvalidArgumentAboutTheTokenIsAnInvalidToken) {
    fake_.push_send_reply(FakeFcmReply::invalid_token());  // FcmError + BadRequest on message.token
    // The same complaint with only the FcmError detail and FCM's wording.
    fake_.push_send_reply(
        {400,
         R"({"error":{"code":400,"message":"The registration token is not a valid FCM registration token","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}})",
         {}});
    const auto first = send(message_to("garbled-token"));
    EXPECT_EQ(first.outcome, Outcome::kTokenInvalid) << first.detail;
    const auto second = send(message_to("garbled-token"));
    EXPECT_EQ(second.outcome, Outcome::kTokenInvalid) << second.detail;
    EXPECT_NE(second.detail.find("INVALID_ARGUMENT"), std::string::npos) << second.detail;
}

TEST_F(PushFcm, OtherInvalidArgumentFails) {
    fake_.push_send_reply(FakeFcmReply::invalid_argument("Invalid value at 'message.data[0].value' (TYPE_STRING), 1"));
    const auto result = send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kFailed);
    EXPECT_NE(result.detail.find("message.data"), std::string::npos) << result.detail;
    EXPECT_FALSE(result.retry_after);
}

TEST_F(PushFcm, SenderIdMismatchIsAnInvalidToken) {
    fake_.push_send_reply(FakeFcmReply::sender_id_mismatch());
    EXPECT_EQ(send(message_to("other-projects-token")).outcome, Outcome::kTokenInvalid);
}

TEST_F(PushFcm, QuotaExceededRetriesAfterWhatFcmSays) {
    fake_.push_send_reply(FakeFcmReply::quota_exceeded(7));
    const auto result = send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kRetry);
    EXPECT_EQ(result.retry_after, std::optional<std::chrono::seconds>(7s));
    EXPECT_NE(result.detail.find("429"), std::string::npos) << result.detail;
    EXPECT_NE(result.detail.find("QUOTA_EXCEEDED"), std::string::npos) << result.detail;
}

TEST_F(PushFcm, OutagesRetry) {
    fake_.push_send_reply(FakeFcmReply::unavailable());
    fake_.push_send_reply(FakeFcmReply::internal());
    auto with_date = FakeFcmReply::unavailable();
    with_date.headers = {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}};  // in the past: retry now
    fake_.push_send_reply(with_date);

    const auto unavailable = send(message_to("device-1"));
    EXPECT_EQ(unavailable.outcome, Outcome::kRetry);
    EXPECT_FALSE(unavailable.retry_after);
    EXPECT_NE(unavailable.detail.find("503"), std::string::npos) << unavailable.detail;
    EXPECT_EQ(send(message_to("device-1")).outcome, Outcome::kRetry);
    const auto dated = send(message_to("device-1"));
    EXPECT_EQ(dated.outcome, Outcome::kRetry);
    EXPECT_EQ(dated.retry_after, std::optional<std::chrono::seconds>(0s));
    EXPECT_EQ(send(message_to("device-1")).outcome, Outcome::kSent);
}

TEST_F(PushFcm, RevokedTokenIsRefreshedOnce) {
    ASSERT_EQ(send(message_to("device-1")).outcome, Outcome::kSent);
    ASSERT_EQ(fake_.token_requests(), 1);
    fake_.revoke_tokens();
    const auto result = send(message_to("device-2"));
    EXPECT_EQ(result.outcome, Outcome::kSent) << result.detail;
    EXPECT_EQ(fake_.token_requests(), 2);
    EXPECT_EQ(fake_.send_requests(), 3);  // the refused one and its resend
    // The new token is cached like the first.
    EXPECT_EQ(send(message_to("device-3")).outcome, Outcome::kSent);
    EXPECT_EQ(fake_.token_requests(), 2);
}

TEST_F(PushFcm, StillUnauthorizedAfterARefreshFails) {
    fake_.push_send_reply(FakeFcmReply::unauthenticated());
    fake_.push_send_reply(FakeFcmReply::unauthenticated());
    const auto result = send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kFailed);
    EXPECT_NE(result.detail.find("401"), std::string::npos) << result.detail;
    EXPECT_EQ(fake_.token_requests(), 2);
    EXPECT_EQ(fake_.send_requests(), 2);
}

TEST_F(PushFcm, ThirdPartyAuthErrorGetsNoNewToken) {
    fake_.push_send_reply(FakeFcmReply::third_party_auth_error());
    const auto result = send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kFailed);
    EXPECT_NE(result.detail.find("THIRD_PARTY_AUTH_ERROR"), std::string::npos) << result.detail;
    EXPECT_EQ(fake_.token_requests(), 1);
    EXPECT_EQ(fake_.send_requests(), 1);
}

TEST_F(PushFcm, TokenIsCachedUntilShortlyBeforeItExpires) {
    ASSERT_EQ(send(message_to("device-1")).outcome, Outcome::kSent);
    ASSERT_EQ(fake_.token_requests(), 1);
    // The fake's tokens live 3599 s; the provider refreshes 5 minutes before that.
    clock_.advance(50min);
    ASSERT_EQ(send(message_to("device-2")).outcome, Outcome::kSent);
    EXPECT_EQ(fake_.token_requests(), 1);
    clock_.advance(4min + 50s);  // 54:50, 9 s before the refresh point
    ASSERT_EQ(send(message_to("device-3")).outcome, Outcome::kSent);
    EXPECT_EQ(fake_.token_requests(), 1);
    clock_.advance(10s);  // 55:00: past 3599 s - 300 s
    ASSERT_EQ(send(message_to("device-4")).outcome, Outcome::kSent);
    EXPECT_EQ(fake_.token_requests(), 2);
    EXPECT_EQ(fake_.send_requests(), 4);  // refreshed ahead: no send was refused
}

TEST_F(PushFcm, LongBodyIsCutToFitWholeCodePoints) {
    auto m = message_to("device-1");
    std::string body;
    // Two-, three- and four-byte sequences, and quotes that JSON escaping doubles.
    while (body.size() < 9000) body += "Запись \"подтверждена\" — 💅 ";
    m.body = body;
    const auto result = send(m);
    ASSERT_EQ(result.outcome, Outcome::kSent) << result.detail;
    const auto got = fake_.wait_for_messages(1);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_LE(got[0].request_bytes, 4096u);
    EXPECT_GT(got[0].request_bytes, 3900u) << "cut far more than needed";
    const auto& cut = got[0].body;
    EXPECT_TRUE(valid_utf8(cut));
    ASSERT_TRUE(cut.ends_with("\xE2\x80\xA6")) << cut;
    const auto kept = cut.substr(0, cut.size() - 3);
    EXPECT_TRUE(body.starts_with(kept));
    EXPECT_GT(kept.size(), 1000u);
    EXPECT_EQ(got[0].data.at("booking_id"), "42");
}

TEST_F(PushFcm, OAuthRefusalFailsWithAClearDetail) {
    fake_.push_token_reply(FakeFcmReply::oauth_error(400, "invalid_grant", "Invalid JWT Signature."));
    const auto refused = send(message_to("device-1"));
    EXPECT_EQ(refused.outcome, Outcome::kFailed);
    EXPECT_NE(refused.detail.find("invalid_grant"), std::string::npos) << refused.detail;
    EXPECT_NE(refused.detail.find("Invalid JWT Signature."), std::string::npos) << refused.detail;
    EXPECT_EQ(fake_.send_requests(), 0);
    // Nothing bad is cached: the next send fetches a token and goes out.
    EXPECT_EQ(send(message_to("device-1")).outcome, Outcome::kSent);
    EXPECT_EQ(fake_.token_requests(), 2);
}

TEST_F(PushFcm, OAuthOutageRetries) {
    auto outage = FakeFcmReply::oauth_error(503, "temporarily_unavailable", "try later");
    outage.headers = {{"Retry-After", "3"}};
    fake_.push_token_reply(outage);
    const auto result = send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kRetry);
    EXPECT_EQ(result.retry_after, std::optional<std::chrono::seconds>(3s));
    EXPECT_EQ(fake_.send_requests(), 0);
}

TEST_F(PushFcm, ReservedDataKeysFailWithoutASend) {
    auto m = message_to("device-1");
    m.data.emplace_back("google.sent_time", "1");
    EXPECT_EQ(send(m).outcome, Outcome::kFailed);
    EXPECT_EQ(fake_.token_requests(), 0);
    EXPECT_EQ(fake_.send_requests(), 0);
}

TEST(PushFcmNetwork, ConnectionErrorsRetry) {
    const auto clock = service::core::TestClock::running();
    auto fake = std::make_unique<FakeFcm>();
    // The provider reads the credentials now; then nothing listens on the fake's port any more.
    auto provider = service::infra::push::make_provider(fcm_config(*fake), clock);
    fake.reset();

    const auto result = provider->send(message_to("device-1"));
    EXPECT_EQ(result.outcome, Outcome::kRetry);
    EXPECT_NE(result.detail.find("OAuth"), std::string::npos) << result.detail;
}

TEST(PushFcmConfig, BadCredentialsFileIsAConfigError) {
    const auto clock = service::core::TestClock::running();
    const auto dir = fs::temp_directory_path() / ("push-cfg-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    };
    FakeFcm fake;
    std::ifstream in(fake.credentials_path());
    const std::string good{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto parsed = boost::json::parse(good).as_object();
    auto without_key = parsed;
    without_key.erase("private_key");
    auto bad_key = parsed;
    bad_key["private_key"] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";

    auto config = fcm_config(fake);
    for (const auto& path : {(dir / "missing.json").string(), write("not-json.json", "{not json"),
                             write("no-key.json", boost::json::serialize(without_key)),
                             write("bad-key.json", boost::json::serialize(bad_key))}) {
        config.fcm_credentials_file = path;
        EXPECT_THROW(service::infra::push::make_provider(config, clock), ConfigError) << path;
    }
    config.fcm_credentials_file.clear();
    EXPECT_THROW(service::infra::push::make_provider(config, clock), ConfigError);
    config.push_provider = "apns";
    EXPECT_THROW(service::infra::push::make_provider(config, clock), ConfigError);

    config.push_provider = "fcm";
    config.fcm_credentials_file = write("good.json", good);
    EXPECT_EQ(service::infra::push::make_provider(config, clock)->name(), "fcm");
    config.push_provider = "log";
    EXPECT_EQ(service::infra::push::make_provider(config, clock)->name(), "log");
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

}  // namespace

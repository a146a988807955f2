#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "infra/push/push.hpp"
#include "infra/push/service_account.hpp"

namespace service::infra::push {

/// Firebase Cloud Messaging over the HTTP v1 API, with libcurl (docs/push.md).
///
/// One send is `POST {endpoint}/v1/projects/{project_id}/messages:send` with an OAuth 2.0
/// access token from the service account's RS256 assertion. The token is shared by all
/// threads and refreshed about 5 minutes before it expires (by the injected clock); a 401
/// drops it, fetches one new token and resends once. Curl handles are pooled so keep-alive
/// connections to FCM and to the token endpoint are reused. Connect timeout 5 s, each HTTP
/// exchange 15 s. Safe to call from several threads at once.
class FcmProvider final : public Provider {
  public:
    /// `endpoint` is scheme://host[:port] ("https://fcm.googleapis.com"). Throws
    /// core::ConfigError when the private key is not a usable RSA key.
    FcmProvider(ServiceAccount account, std::string endpoint, const core::Clock& clock);
    ~FcmProvider() override;
    FcmProvider(const FcmProvider&) = delete;
    FcmProvider& operator=(const FcmProvider&) = delete;

    std::string_view name() const override { return "fcm"; }
    Result send(const Message& message) override;

  private:
    class Handle;
    struct Token {
        std::string value;
        core::TimePoint refresh_at;
    };

    Result send_with(Handle& handle, const Message& message, const std::string& body);
    /// The cached token, or a fresh one; `stale` (a token FCM refused) is dropped first unless
    /// another thread already replaced it. On failure the Result says what to report.
    std::optional<Result> access_token(Handle& handle, const std::string* stale, std::string& out);
    std::unique_ptr<Handle> acquire();
    void release(std::unique_ptr<Handle> handle);

    ServiceAccount account_;
    RsaSigner signer_;
    std::string send_url_;
    const core::Clock& clock_;

    std::mutex token_mutex_;  // guards token_ and serialises fetches: one exchange at a time
    std::optional<Token> token_;

    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<Handle>> idle_;
};

/// The pieces of FcmProvider with no I/O, for the unit tests.
namespace fcm {

/// FCM's limit for a message; we hold the whole request body to it.
inline constexpr std::size_t kMaxMessageBytes = 4096;

/// The request body for `message`: {"message": {...}}. A body that would not fit in `limit`
/// bytes is cut at a code point boundary and ends with "…". nullopt when even an empty body
/// does not fit (the title or data alone are too large).
std::optional<std::string> request_body(const Message& message, std::size_t limit = kMaxMessageBytes);

/// Why FCM would refuse `message` whatever the device (a reserved data key), or nullopt.
std::optional<std::string> check_message(const Message& message);

/// `text`'s longest prefix of at most `max_bytes` bytes that does not split a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

/// A Retry-After value: delay-seconds or an HTTP-date (relative to `now`; past dates give 0).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, core::TimePoint now);

/// What a non-401 reply to messages:send means (401 is the caller's: refresh, resend).
Result classify_send_reply(long status, std::string_view body, std::optional<std::chrono::seconds> retry_after);

/// "projects/p/messages/1" from a 200 reply (nullopt when absent).
std::optional<std::string> message_name(std::string_view body);

}  // namespace fcm

}  // namespace service::infra::push

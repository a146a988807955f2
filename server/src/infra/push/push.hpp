#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"

/// Push notifications to devices: one Provider per process, chosen by PUSH_PROVIDER
/// (docs/push.md). The caller owns retries and token clean-up; a provider only sends one
/// message and says what happened.
namespace service::infra::push {

struct Message {
    std::string token;     // the device's registration token
    std::string platform;  // "android" | "ios" | "web"
    std::string title;
    std::string body;
    std::vector<std::pair<std::string, std::string>> data;  // string values only (FCM's rule)
    std::optional<std::string> collapse_key;                // one visible notification per key on the device
};

enum class Outcome {
    kSent,
    kTokenInvalid,  // the token will never work again: forget it
    kRetry,         // transient (quota, outage, network): try again later
    kFailed,        // permanent for this message (our bug or our configuration): do not retry
};

struct Result {
    Outcome outcome = Outcome::kSent;
    std::optional<std::chrono::seconds> retry_after;  // kRetry: the provider's Retry-After, if it sent one
    std::string detail;                               // status + message, for logs and the job's error
    std::optional<std::string> message_id;            // FCM's "name" on success
};

std::string_view to_string(Outcome outcome);

class Provider {
  public:
    virtual ~Provider() = default;
    virtual std::string_view name() const = 0;  // "log" | "fcm"
    /// Blocking (at most one OAuth exchange + one or two sends): callers run it on the
    /// BlockingPool. Thread-safe. Reports failures in the Result; does not throw.
    virtual Result send(const Message& message) = 0;
};

/// The provider PUSH_PROVIDER names, built from the config; `clock` must outlive it.
/// Throws core::ConfigError for a missing/invalid credentials file.
std::unique_ptr<Provider> make_provider(const core::Config& config, const core::Clock& clock);

}  // namespace service::infra::push

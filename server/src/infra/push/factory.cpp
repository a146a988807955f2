#include <utility>

#include "infra/push/fcm_provider.hpp"
#include "infra/push/log_provider.hpp"
#include "infra/push/push.hpp"
#include "infra/push/service_account.hpp"

namespace service::infra::push {

std::string_view to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::kSent:
            return "sent";
        case Outcome::kTokenInvalid:
            return "token_invalid";
        case Outcome::kRetry:
            return "retry";
        case Outcome::kFailed:
            return "failed";
    }
    return "unknown";
}

std::unique_ptr<Provider> make_provider(const core::Config& config, const core::Clock& clock) {
    if (config.push_provider == "log") return std::make_unique<LogProvider>();
    if (config.push_provider == "fcm") {
        if (config.fcm_credentials_file.empty()) {
            throw core::ConfigError("FCM_CREDENTIALS_FILE is required with PUSH_PROVIDER=fcm");
        }
        auto account = load_service_account(config.fcm_credentials_file);
        return std::make_unique<FcmProvider>(std::move(account), config.fcm_endpoint, clock);
    }
    throw core::ConfigError("PUSH_PROVIDER must be log or fcm, got '" + config.push_provider + "'");
}

}  // namespace service::infra::push

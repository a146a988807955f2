#pragma once
#include <string>
#include <string_view>

#include "infra/push/push.hpp"

namespace service::infra::push {

/// PUSH_PROVIDER=log (the default): writes what would be sent to the log and reports kSent.
/// For development and tests without FCM credentials. Thread-safe (the log is).
class LogProvider final : public Provider {
  public:
    std::string_view name() const override { return "log"; }
    Result send(const Message& message) override;
};

/// The first characters of a registration token, enough to tell tokens apart in a log
/// without writing a usable credential there.
std::string shorten_token(std::string_view token);

}  // namespace service::infra::push

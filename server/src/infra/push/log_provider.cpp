#include "infra/push/log_provider.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/log.hpp"

namespace service::infra::push {

std::string shorten_token(std::string_view token) {
    constexpr std::size_t kShown = 8;
    if (token.size() <= kShown) return std::string(token.size(), '*');
    return std::string(token.substr(0, kShown)) + "...";
}

Result LogProvider::send(const Message& message) {
    boost::json::array keys;
    for (const auto& [key, value] : message.data) keys.emplace_back(key);
    boost::json::object fields{{"token", shorten_token(message.token)},
                               {"platform", message.platform},
                               {"title", message.title},
                               {"body", message.body},
                               {"data_keys", std::move(keys)}};
    if (message.collapse_key) fields["collapse_key"] = *message.collapse_key;
    core::log::info("push (log provider): not sent", std::move(fields));
    return Result{Outcome::kSent, std::nullopt, "logged, not sent", std::nullopt};
}

}  // namespace service::infra::push

#include "modules/users/service.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::users {
namespace {

// The token was valid a moment ago; the account vanished or was banned in between.
core::ApiError account_gone() {
    return core::ApiError::unauthorized("unauthorized", "The account is not active.")
        .with_header(http::field::www_authenticate, "Bearer");
}

}  // namespace

net::awaitable<User> Service::me(std::string user_id) {
    auto user = co_await repository_.get(pool_, user_id);
    // The token was valid a moment ago; the account vanished or was banned in between.
    if (!user) throw account_gone();
    co_return std::move(*user);
}

net::awaitable<User> Service::update_me(std::string user_id, ProfileChanges changes) {
    if (changes.interests) {
        // Not inside the condition: GCC 12 mis-compiles a co_await in a short-circuit operand
        // whose argument is a temporary.
        auto interests = *changes.interests;
        const bool known = co_await categories_.all_exist(std::move(interests));
        if (!known) throw core::ApiError::validation({{"interests", "contains an unknown category id"}});
    }
    auto user = co_await repository_.update_profile(pool_, user_id, std::move(changes));
    if (!user) throw account_gone();
    co_return std::move(*user);
}

net::awaitable<std::optional<core::Principal>> PrincipalLoader::load(std::string user_id) {
    if (!core::is_uuid(user_id)) co_return std::nullopt;
    co_return co_await repository_.active_principal(pool_, std::move(user_id));
}

}  // namespace service::users

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
    co_return co_await with_avatar(std::move(*user));
}

net::awaitable<User> Service::with_avatar(User user) {
    if (!user.avatar_media_id) co_return user;
    user.avatar_url = media_.public_url(*user.avatar_media_id);
    try {
        const auto photo = co_await media_.get(user.id, *user.avatar_media_id);
        user.avatar = media_.variants_json(photo);
    } catch (const core::ApiError&) {
        user.avatar_url.reset();  // deleted meanwhile (the FK clears the column a moment later)
    }
    co_return user;
}

net::awaitable<User> Service::update_me(std::string user_id, ProfileChanges changes) {
    if (changes.interests) {
        // Not inside the condition: GCC 12 mis-compiles a co_await in a short-circuit operand
        // whose argument is a temporary.
        auto interests = *changes.interests;
        const bool known = co_await categories_.all_exist(std::move(interests));
        if (!known) throw core::ApiError::validation({{"interests", "contains an unknown category id"}});
    }
    if (!changes.avatar_media_id) {
        auto user = co_await repository_.update_profile(pool_, user_id, std::move(changes));
        if (!user) throw account_gone();
        co_return co_await with_avatar(std::move(*user));
    }
    // A new avatar: attached (checked to be the caller's ready avatar photo) in the same
    // transaction as the change; the one it replaces is released for the clean-up.
    auto tx = co_await db::Transaction::begin(pool_);
    const auto before = co_await repository_.get(tx, user_id);
    if (!before) throw account_gone();
    const auto next = *changes.avatar_media_id;
    if (next) co_await media_.attach(tx, user_id, *next, media::Purpose::kAvatar, "avatar_media_id");
    auto user = co_await repository_.update_profile(tx, user_id, std::move(changes));
    if (!user) throw account_gone();
    if (before->avatar_media_id && before->avatar_media_id != next)
        co_await media_.release(tx, *before->avatar_media_id);
    co_await tx.commit();
    co_return co_await with_avatar(std::move(*user));
}

net::awaitable<std::optional<core::Principal>> PrincipalLoader::load(std::string user_id) {
    if (!core::is_uuid(user_id)) co_return std::nullopt;
    co_return co_await repository_.active_principal(pool_, std::move(user_id));
}

}  // namespace service::users

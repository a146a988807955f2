#pragma once
#include "core/middleware.hpp"
#include "db/pool.hpp"
#include "modules/categories/service.hpp"
#include "modules/media/service.hpp"
#include "modules/users/repository.hpp"

namespace service::users {

/// Profile rules: a user reads and edits only their own profile; interests must be real categories.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, categories::Service& categories, media::Service& media)
        : pool_(pool), repository_(repository), categories_(categories), media_(media) {}

    net::awaitable<User> me(std::string user_id);
    net::awaitable<User> update_me(std::string user_id, ProfileChanges changes);

  private:
    db::Pool& pool_;
    const Repository& repository_;
    categories::Service& categories_;
    media::Service& media_;

    /// Fills avatar_url and avatar from the media module.
    net::awaitable<User> with_avatar(User user);
};

/// Feeds the auth middleware: the current role of an active user.
class PrincipalLoader final : public core::PrincipalLoader {
  public:
    PrincipalLoader(db::Pool& pool, const Repository& repository) : pool_(pool), repository_(repository) {}
    net::awaitable<std::optional<core::Principal>> load(std::string user_id) override;

  private:
    db::Pool& pool_;
    const Repository& repository_;
};

}  // namespace service::users

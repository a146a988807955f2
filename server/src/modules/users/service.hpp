#pragma once
#include "core/middleware.hpp"
#include "db/pool.hpp"
#include "modules/categories/service.hpp"
#include "modules/users/repository.hpp"

namespace service::users {

/// Profile rules: a user reads and edits only their own profile; interests must be real categories.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, categories::Service& categories)
        : pool_(pool), repository_(repository), categories_(categories) {}

    net::awaitable<User> me(std::string user_id);
    net::awaitable<User> update_me(std::string user_id, ProfileChanges changes);

  private:
    db::Pool& pool_;
    const Repository& repository_;
    categories::Service& categories_;
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

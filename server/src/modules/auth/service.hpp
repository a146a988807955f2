#pragma once
#include <string>

#include "core/clock.hpp"
#include "core/jwt.hpp"
#include "db/pool.hpp"
#include "infra/blocking.hpp"
#include "modules/auth/repository.hpp"
#include "modules/users/repository.hpp"

namespace service::auth {

/// What every successful register / login / refresh returns.
struct Session {
    users::User user;
    std::string access_token;
    std::string refresh_token;
    std::int64_t expires_in = 0;  // access token lifetime, seconds
};

struct Registration {
    std::string email;  // already normalised
    std::string password;
    std::string name;
    std::string role;
};

/// Lower-cases and trims; nullopt when it does not look like an address.
std::optional<std::string> normalize_email(std::string_view email);

/// Accounts and sessions: registration, login, refresh-token rotation with reuse detection, logout.
class Service {
  public:
    static constexpr int kRefreshTtlDays = 30;

    /// `clock` stamps access tokens and decides refresh-token expiry.
    Service(db::Pool& pool, const users::Repository& users, const Repository& tokens, const core::jwt::Codec& jwt,
            infra::BlockingPool& blocking, int bcrypt_cost, const core::Clock& clock);

    /// Computes the decoy hash used to make unknown-email logins take as long as real ones.
    void prepare();

    net::awaitable<Session> register_user(Registration input);
    net::awaitable<Session> login(std::string email, std::string password);
    net::awaitable<Session> refresh(std::string refresh_token);
    net::awaitable<void> logout(std::string refresh_token);
    /// For the create-admin command.
    net::awaitable<std::string> create_admin(std::string email, std::string password, std::string name);
    /// Deletes refresh tokens that expired more than a day ago; returns how many.
    net::awaitable<long long> purge_expired_tokens();

  private:
    net::awaitable<std::string> new_refresh_token(db::Executor& db, std::string user_id, std::string family_id);
    Session make_session(users::User user, std::string refresh_token) const;

    db::Pool& pool_;
    const users::Repository& users_;
    const Repository& tokens_;
    const core::jwt::Codec& jwt_;
    infra::BlockingPool& blocking_;
    int bcrypt_cost_;
    const core::Clock& clock_;
    std::string decoy_hash_;
};

}  // namespace service::auth

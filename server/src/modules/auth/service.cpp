#include "modules/auth/service.hpp"

#include <algorithm>
#include <cctype>

#include "core/crypto.hpp"
#include "core/problem.hpp"
#include "modules/auth/password.hpp"

namespace service::auth {
namespace {

core::ApiError invalid_credentials() {
    return core::ApiError::unauthorized("invalid_credentials", "The email or password is incorrect.");
}

enum class RotationOutcome { kRotated, kUnknown, kReused, kExpired, kInactive };

struct Rotation {
    RotationOutcome outcome = RotationOutcome::kUnknown;
    std::string user_id;
    std::string token;
};

}  // namespace

std::optional<std::string> normalize_email(std::string_view email) {
    while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
    while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
    if (email.size() < 3 || email.size() > 254) return std::nullopt;
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 || email.find('@', at + 1) != std::string_view::npos) {
        return std::nullopt;
    }
    const auto domain = email.substr(at + 1);
    if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.' || domain.find("..") != std::string_view::npos) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(email.size());
    for (char c : email) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return std::nullopt;
        out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

Service::Service(db::Pool& pool, const users::Repository& users, const Repository& tokens, const core::jwt::Codec& jwt,
                 infra::BlockingPool& blocking, int bcrypt_cost, const core::Clock& clock)
    : pool_(pool),
      users_(users),
      tokens_(tokens),
      jwt_(jwt),
      blocking_(blocking),
      bcrypt_cost_(bcrypt_cost),
      clock_(clock) {}

void Service::prepare() { decoy_hash_ = hash_password(core::random_token(24), bcrypt_cost_); }

Session Service::make_session(users::User user, std::string refresh_token) const {
    Session s;
    s.access_token = jwt_.issue(user.id, user.role, clock_.now());
    s.refresh_token = std::move(refresh_token);
    s.expires_in = jwt_.ttl().count();
    s.user = std::move(user);
    return s;
}

net::awaitable<std::string> Service::new_refresh_token(db::Executor& db, std::string user_id, std::string family_id) {
    std::string token = core::random_token(32);
    co_await tokens_.insert(db, std::move(user_id), std::move(family_id), core::sha256_hex(token), kRefreshTtlDays,
                            clock_.now());
    co_return token;
}

net::awaitable<Session> Service::register_user(Registration input) {
    // Hash before taking a database connection: bcrypt is slow on purpose.
    const int cost = bcrypt_cost_;
    std::string password = std::move(input.password);
    auto job = [password, cost] { return hash_password(password, cost); };  // named: see BlockingPool::run
    std::string hash = co_await blocking_.run(std::move(job));

    auto tx = co_await db::Transaction::begin(pool_);
    auto user = co_await users_.insert(tx, input.email, std::move(hash), input.name, input.role);
    if (!user) {
        co_await tx.rollback();
        throw core::ApiError::conflict("email_taken", "An account with this email already exists.",
                                       {{"email", "is already registered"}});
    }
    auto refresh = co_await new_refresh_token(tx, user->id, core::random_uuid());
    co_await tx.commit();
    co_return make_session(std::move(*user), std::move(refresh));
}

net::awaitable<Session> Service::login(std::string email, std::string password) {
    const auto normalized = normalize_email(email);
    std::optional<users::Credentials> credentials;
    if (normalized) credentials = co_await users_.find_credentials(pool_, *normalized);
    // Unknown emails still pay for one bcrypt check, so timing does not reveal which emails exist.
    const std::string hash = credentials ? credentials->password_hash : decoy_hash_;
    auto job = [password, hash] { return verify_password(password, hash); };
    const bool match = co_await blocking_.run(std::move(job));
    if (!credentials || !match) throw invalid_credentials();
    if (credentials->banned) throw core::ApiError::unauthorized("account_disabled", "This account has been disabled.");

    auto user = co_await users_.get(pool_, credentials->user_id);
    if (!user) throw invalid_credentials();
    auto refresh = co_await new_refresh_token(pool_, user->id, core::random_uuid());
    co_return make_session(std::move(*user), std::move(refresh));
}

net::awaitable<Session> Service::refresh(std::string refresh_token) {
    const std::string token_hash = core::sha256_hex(refresh_token);
    // Every outcome commits: a detected reuse must leave the family revoked.
    auto rotate = [&](db::Transaction& tx) -> net::awaitable<Rotation> {
        const auto stored = co_await tokens_.lock(tx, token_hash, clock_.now());
        if (!stored || stored->revoked) co_return Rotation{RotationOutcome::kUnknown, {}, {}};
        if (stored->rotated) {
            co_await tokens_.revoke_family(tx, stored->family_id);
            co_return Rotation{RotationOutcome::kReused, stored->user_id, {}};
        }
        if (stored->expired) co_return Rotation{RotationOutcome::kExpired, {}, {}};
        if (!(co_await users_.active_principal(tx, stored->user_id))) {
            co_await tokens_.revoke_family(tx, stored->family_id);
            co_return Rotation{RotationOutcome::kInactive, {}, {}};
        }
        co_await tokens_.mark_rotated(tx, stored->id);
        auto next = co_await new_refresh_token(tx, stored->user_id, stored->family_id);
        co_return Rotation{RotationOutcome::kRotated, stored->user_id, std::move(next)};
    };
    const Rotation rotation = co_await db::in_transaction<Rotation>(pool_, rotate);

    switch (rotation.outcome) {
        case RotationOutcome::kRotated:
            break;
        case RotationOutcome::kReused:
            throw core::ApiError::unauthorized(
                "refresh_token_reused", "This refresh token was already used; the session has been ended for safety.");
        case RotationOutcome::kExpired:
            throw core::ApiError::unauthorized("refresh_token_expired",
                                               "The session has expired; please sign in again.");
        case RotationOutcome::kInactive:
            throw core::ApiError::unauthorized("account_disabled", "This account has been disabled.");
        case RotationOutcome::kUnknown:
            throw core::ApiError::unauthorized("invalid_refresh_token", "The refresh token is not valid.");
    }
    auto user = co_await users_.get(pool_, rotation.user_id);
    if (!user) throw core::ApiError::unauthorized("account_disabled", "This account has been disabled.");
    co_return make_session(std::move(*user), rotation.token);
}

net::awaitable<void> Service::logout(std::string refresh_token) {
    co_await tokens_.revoke_family_of(pool_, core::sha256_hex(refresh_token));
}

net::awaitable<std::string> Service::create_admin(std::string email, std::string password, std::string name) {
    const int cost = bcrypt_cost_;
    auto job = [password, cost] { return hash_password(password, cost); };
    std::string hash = co_await blocking_.run(std::move(job));
    co_return co_await users_.upsert_admin(pool_, email, std::move(hash), name);
}

net::awaitable<long long> Service::purge_expired_tokens() {
    const auto before = core::to_timestamptz(clock_.now() - std::chrono::hours(24));
    co_return co_await tokens_.purge_expired(pool_, before);
}

}  // namespace service::auth

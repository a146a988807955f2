#include "modules/users/repository.hpp"

#include "users_sql.hpp"

namespace service::users {

net::awaitable<std::optional<User>> Repository::get(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetUser, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return user_from_row(rows[0]);
}

net::awaitable<std::optional<User>> Repository::insert(db::Executor& db, std::string email, std::string password_hash,
                                                       std::string name, std::string role) const {
    const auto rows = co_await db.query(sql::kInsertUser, db::Params(email, password_hash, name, role));
    if (rows.empty()) co_return std::nullopt;
    co_return user_from_row(rows[0]);
}

net::awaitable<std::optional<Credentials>> Repository::find_credentials(db::Executor& db, std::string email) const {
    const auto rows = co_await db.query(sql::kFindCredentials, db::Params(email));
    if (rows.empty()) co_return std::nullopt;
    co_return Credentials{rows[0].get<std::string>(0), rows[0].get<std::string>(1), rows[0].get<bool>(2)};
}

net::awaitable<std::optional<core::Principal>> Repository::active_principal(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetPrincipal, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return core::Principal{id, rows[0].get<std::string>(0), rows[0].get<std::optional<std::string>>(1)};
}

net::awaitable<std::optional<User>> Repository::update_profile(db::Executor& db, std::string id,
                                                               ProfileChanges changes) const {
    db::Params params;
    params.add(id);
    params.add(changes.name.has_value());
    params.add(changes.name);
    params.add(changes.city.has_value());
    params.add(changes.city ? *changes.city : std::nullopt);
    const bool location_sent = changes.location.has_value();
    const std::optional<Location> location = location_sent ? *changes.location : std::nullopt;
    params.add(location_sent);
    params.add(location ? std::optional<double>(location->lat) : std::nullopt);
    params.add(location ? std::optional<double>(location->lon) : std::nullopt);
    params.add(changes.interests.has_value());
    params.add(changes.interests ? *changes.interests : std::vector<std::string>{});
    params.add(changes.avatar_media_id.has_value());
    params.add(changes.avatar_media_id ? *changes.avatar_media_id : std::nullopt);
    params.add(changes.locale);
    const auto rows = co_await db.query(sql::kUpdateProfile, std::move(params));
    if (rows.empty()) co_return std::nullopt;
    co_return user_from_row(rows[0]);
}

net::awaitable<std::string> Repository::upsert_admin(db::Executor& db, std::string email, std::string password_hash,
                                                     std::string name) const {
    const auto rows = co_await db.query(sql::kUpsertAdmin, db::Params(email, password_hash, name));
    co_return rows[0].get<std::string>(0);
}

}  // namespace service::users

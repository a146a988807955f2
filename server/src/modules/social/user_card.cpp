#include "modules/social/user_card.hpp"

#include <map>

#include "core/validation.hpp"
#include "social_sql.hpp"

namespace service::social {

boost::json::object to_json(const UserCard& card) {
    boost::json::object o;
    o["id"] = card.id;
    o["name"] = card.name;
    o["avatar_url"] = card.avatar_url ? boost::json::value(*card.avatar_url) : nullptr;
    o["role"] = card.role;
    o["master_id"] = card.master_id ? boost::json::value(*card.master_id) : nullptr;
    return o;
}

net::awaitable<std::vector<UserCard>> UserCards::load(std::vector<std::string> ids) const {
    co_return co_await load(pool_, std::move(ids));
}

net::awaitable<std::vector<UserCard>> UserCards::load(db::Executor& db, std::vector<std::string> ids) const {
    std::vector<std::string> wanted;
    wanted.reserve(ids.size());
    for (const auto& id : ids) {
        if (core::is_uuid(id)) wanted.push_back(id);  // anything else would fail the uuid[] cast
    }
    std::vector<UserCard> out;
    if (wanted.empty()) co_return out;
    const auto rows = co_await db.query(sql::kGetCards, db::Params(wanted));
    std::map<std::string, UserCard, std::less<>> by_id;
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        UserCard card;
        card.id = row.get<std::string>(0);
        card.name = row.get<std::string>(1);
        card.role = row.get<std::string>(2);
        if (const auto avatar = row.get<std::optional<std::string>>(3)) card.avatar_url = media_.public_url(*avatar);
        card.master_id = row.get<std::optional<std::string>>(4);
        by_id.emplace(card.id, std::move(card));
    }
    out.reserve(ids.size());
    for (const auto& id : wanted) {
        const auto it = by_id.find(id);
        if (it != by_id.end()) out.push_back(it->second);
    }
    co_return out;
}

}  // namespace service::social

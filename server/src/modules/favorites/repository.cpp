#include "modules/favorites/repository.hpp"

#include "favorites_sql.hpp"

namespace service::favorites {

net::awaitable<void> Repository::add(db::Executor& db, std::string user_id, std::string master_id) const {
    co_await db.query(sql::kAddFavorite, db::Params(user_id, master_id));
}

net::awaitable<void> Repository::remove(db::Executor& db, std::string user_id, std::string master_id) const {
    co_await db.query(sql::kRemoveFavorite, db::Params(user_id, master_id));
}

net::awaitable<db::Page<Favorite>> Repository::list(db::Executor& db, std::string user_id,
                                                    core::PageRequest page) const {
    db::Params p(user_id);
    db::add_page(p, page);
    const auto rows = co_await db.query(sql::kListFavoriteMasters, std::move(p));
    co_return db::read_page(rows, page, 1, 0, [](const db::Row& r) { return Favorite{r.get<std::string>(0)}; });
}

}  // namespace service::favorites

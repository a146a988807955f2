#include "modules/portfolio/repository.hpp"

#include "portfolio_sql.hpp"

namespace service::portfolio {
namespace {

Item item_from_row(const db::Row& row) {
    Item item;
    item.id = row.get<std::string>(0);
    item.media_id = row.get<std::string>(1);
    item.caption = row.get<std::string>(2);
    item.service_id = row.get<std::optional<std::string>>(3);
    item.position = row.get<int>(4);
    item.created_at = row.get<std::string>(5);
    return item;
}

}  // namespace

net::awaitable<std::vector<Item>> Repository::list(db::Executor& db, std::string master_id) const {
    const auto rows = co_await db.query(sql::kListItems, db::Params(master_id));
    std::vector<Item> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(item_from_row(rows[i]));
    co_return out;
}

net::awaitable<void> Repository::lock(db::Executor& db, std::string master_id) const {
    co_await db.query(sql::kLockMasterPortfolio, db::Params(master_id));
}

net::awaitable<Item> Repository::insert(db::Executor& db, std::string master_id, std::string media_id,
                                        std::string caption, std::optional<std::string> service_id,
                                        int position) const {
    const auto rows =
        co_await db.query(sql::kInsertItem, db::Params(master_id, media_id, caption, service_id, position));
    co_return item_from_row(rows[0]);
}

net::awaitable<void> Repository::update(db::Executor& db, std::string id, std::string master_id,
                                        std::optional<std::string> caption, int position) const {
    co_await db.query(sql::kUpdateItem, db::Params(id, master_id, caption, position));
}

net::awaitable<bool> Repository::remove(db::Executor& db, std::string id, std::string master_id) const {
    const auto rows = co_await db.query(sql::kDeleteItem, db::Params(id, master_id));
    co_return rows.affected() > 0;
}

}  // namespace service::portfolio

#include "modules/categories/repository.hpp"

#include "categories_sql.hpp"

namespace service::categories {

net::awaitable<std::vector<Category>> Repository::list(db::Executor& db) const {
    const auto rows = co_await db.query(sql::kListCategories, db::Params());
    std::vector<Category> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        out.push_back({row.get<std::string>(0), row.get<std::optional<std::string>>(1), row.get<std::string>(2),
                       row.get<std::string>(3), row.get<std::string>(4)});
    }
    co_return out;
}

net::awaitable<bool> Repository::all_exist(db::Executor& db, std::vector<std::string> ids) const {
    if (ids.empty()) co_return true;
    const auto rows = co_await db.query(sql::kCountExistingCategories, db::Params(ids));
    co_return rows[0].get<std::int64_t>(0) == static_cast<std::int64_t>(ids.size());
}

}  // namespace service::categories

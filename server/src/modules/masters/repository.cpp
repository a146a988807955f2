#include "modules/masters/repository.hpp"

#include <cmath>
#include <cstdio>

#include <boost/json/parse.hpp>

#include "masters_sql.hpp"

namespace service::masters {
namespace {

// Rows of search_masters_by_*.sql and list_favorite_masters.sql share one column layout;
// column 12 is the sort key that the next cursor carries.
SearchPage summary_page(const db::Result& rows, int limit) {
    SearchPage page;
    const int n = std::min(rows.size(), limit);
    for (int i = 0; i < n; ++i) {
        const auto r = rows[i];
        boost::json::object o{
            {"id", r.get<std::string>(0)},
            {"display_name", r.get<std::string>(1)},
            {"city", r.get<std::string>(2)},
            {"address", r.get<std::string>(3)},
            {"location", boost::json::object{{"lat", r.get<double>(4)}, {"lon", r.get<double>(5)}}},
            {"categories", boost::json::parse(r.text(6))},
            {"rating", boost::json::object{{"avg", r.is_null(7) ? boost::json::value(nullptr)
                                                                : boost::json::value(r.get<double>(7))},
                                           {"count", r.get<int>(8)}}},
            {"distance_m",
             r.is_null(9) ? boost::json::value(nullptr) : boost::json::value(std::round(r.get<double>(9)))},
            {"min_price_minor",
             r.is_null(10) ? boost::json::value(nullptr) : boost::json::value(r.get<std::int64_t>(10))},
            {"currency", "RUB"},
            {"is_favorite", r.get<bool>(11)}};
        page.items.push_back(std::move(o));
    }
    if (rows.size() > limit) {
        const auto last = rows[limit - 1];
        page.next = core::PageCursor{std::string(last.text(12)), last.get<std::string>(0)};
    }
    return page;
}

}  // namespace

net::awaitable<std::pair<std::string, bool>> Repository::upsert(db::Executor& db, std::string user_id,
                                                                ProfileInput in) const {
    db::Params p(user_id, in.display_name, in.bio, in.category_ids, in.address, in.city, in.lat, in.lon, in.timezone,
                 in.rules.min_notice_min, in.rules.horizon_days, in.rules.slot_step_min, in.rules.buffer_min,
                 in.rules.auto_confirm);
    p.add(in.rules.max_per_day);
    const auto rows = co_await db.query(sql::kUpsertMaster, std::move(p));
    co_return std::pair{rows[0].get<std::string>(0), rows[0].get<bool>(1)};
}

net::awaitable<std::optional<Profile>> Repository::get(db::Executor& db, std::optional<std::string> id,
                                                       std::optional<std::string> user_id, std::optional<double> lat,
                                                       std::optional<double> lon,
                                                       std::optional<std::string> viewer) const {
    const auto rows = co_await db.query(sql::kGetMaster, db::Params(id, user_id, lat, lon, viewer));
    if (rows.empty()) co_return std::nullopt;
    co_return profile_from_row(rows[0]);
}

net::awaitable<std::optional<std::string>> Repository::id_for_user(db::Executor& db, std::string user_id) const {
    auto profile = co_await get(db, std::nullopt, user_id, std::nullopt, std::nullopt, std::nullopt);
    if (!profile) co_return std::nullopt;
    co_return profile->id;
}

net::awaitable<bool> Repository::valid_timezone(db::Executor& db, std::string name) const {
    const auto rows = co_await db.query(sql::kValidTimezone, db::Params(name));
    co_return rows[0].get<bool>(0);
}

net::awaitable<SearchPage> Repository::search(db::Executor& db, SearchQuery q) const {
    const db::Statement* statement = &sql::kSearchMastersByDistance;
    if (q.order == SearchOrder::kRating) statement = &sql::kSearchMastersByRating;
    if (q.order == SearchOrder::kPrice) statement = &sql::kSearchMastersByPrice;
    db::Params p(q.lat, q.lon, q.radius_m, q.category_id, q.min_rating, q.limit + 1);
    p.add(q.cursor ? std::optional<std::string>(q.cursor->key) : std::nullopt);
    p.add(q.cursor ? std::optional<std::string>(q.cursor->id) : std::nullopt);
    p.add(q.viewer_id);
    const auto rows = co_await db.query(*statement, std::move(p));
    co_return summary_page(rows, q.limit);
}

net::awaitable<SearchPage> Repository::favorites(db::Executor& db, std::string user_id, int limit,
                                                 std::optional<core::PageCursor> cursor) const {
    db::Params p(user_id, limit + 1);
    p.add(cursor ? std::optional<std::string>(cursor->key) : std::nullopt);
    p.add(cursor ? std::optional<std::string>(cursor->id) : std::nullopt);
    const auto rows = co_await db.query(sql::kListFavoriteMasters, std::move(p));
    co_return summary_page(rows, limit);
}

net::awaitable<void> Repository::add_rating(db::Executor& db, std::string master_id, int rating) const {
    co_await db.query(sql::kAddRating, db::Params(master_id, rating));
}

}  // namespace service::masters

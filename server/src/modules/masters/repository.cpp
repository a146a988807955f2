#include "modules/masters/repository.hpp"

#include "masters_sql.hpp"

namespace service::masters {

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

net::awaitable<bool> Repository::valid_timezone(db::Executor& db, std::string name) const {
    const auto rows = co_await db.query(sql::kValidTimezone, db::Params(name));
    co_return rows[0].get<bool>(0);
}

net::awaitable<db::Page<Card>> Repository::search(db::Executor& db, SearchQuery q) const {
    const db::Statement* statement = &sql::kSearchMastersByDistance;
    if (q.order == SearchOrder::kRating) statement = &sql::kSearchMastersByRating;
    if (q.order == SearchOrder::kPrice) statement = &sql::kSearchMastersByPrice;
    db::Params p(q.lat, q.lon, q.radius_m, q.category_id, q.min_rating);
    db::add_page(p, q.page);
    p.add(q.viewer_id);
    const auto rows = co_await db.query(*statement, std::move(p));
    // Column 14, after the card's 14 columns (0-13), is the sort key the next cursor carries.
    co_return db::read_page(rows, q.page, 14, 0, card_from_row);
}

net::awaitable<std::vector<Card>> Repository::cards(db::Executor& db, std::vector<std::string> ids,
                                                    std::optional<std::string> viewer) const {
    if (ids.empty()) co_return std::vector<Card>{};
    db::Params p(ids);
    p.add(viewer);
    const auto rows = co_await db.query(sql::kListMasterCards, std::move(p));
    std::vector<Card> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(card_from_row(rows[i]));
    co_return out;
}

net::awaitable<void> Repository::add_rating(db::Executor& db, std::string master_id, int rating) const {
    co_await db.query(sql::kAddRating, db::Params(master_id, rating));
}

}  // namespace service::masters

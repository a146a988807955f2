#include "modules/feed/repository.hpp"

#include "feed_sql.hpp"

namespace service::feed {

net::awaitable<std::optional<ViewerPlace>> Repository::viewer_place(db::Executor& db, std::string viewer) const {
    const auto rows = co_await db.query(sql::kViewerPlace, db::Params(viewer));
    if (rows.empty()) co_return std::nullopt;
    ViewerPlace place;
    const auto lon = rows[0].get<std::optional<double>>(0);
    const auto lat = rows[0].get<std::optional<double>>(1);
    if (lon && lat) place.location = Point{*lon, *lat};
    place.city = rows[0].get<std::string>(2);
    co_return place;
}

net::awaitable<std::vector<Candidate>> Repository::for_you_candidates(db::Executor& db, std::string viewer, Point at,
                                                                      std::string now, std::string since) const {
    const auto rows = co_await db.query(sql::kRankForYou, db::Params(viewer, at.lon, at.lat, now, since));
    std::vector<Candidate> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        Candidate c;
        c.post_id = row.get<std::string>(0);
        c.author_id = row.get<std::string>(1);
        c.distance_m = row.get<std::optional<double>>(2);
        c.age_s = row.get<double>(3);
        c.likes = row.get<int>(4);
        c.comments = row.get<int>(5);
        c.reposts = row.get<int>(6);
        c.subscribed = row.get<bool>(7);
        c.category_share = row.get<double>(8);
        out.push_back(std::move(c));
    }
    co_return out;
}

net::awaitable<std::vector<NearbyRow>> Repository::nearby_candidates(db::Executor& db, std::string viewer, Point at,
                                                                     std::string now, std::string since) const {
    const auto rows = co_await db.query(sql::kRankNearby, db::Params(viewer, at.lon, at.lat, now, since));
    std::vector<NearbyRow> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const auto row = rows[i];
        out.push_back(
            NearbyRow{row.get<std::string>(0), row.get<std::string>(1), row.get<double>(2), row.get<double>(3)});
    }
    co_return out;
}

net::awaitable<db::Page<FollowingRow>> Repository::following(db::Executor& db, std::string viewer,
                                                             core::PageRequest page) const {
    db::Params params(viewer);
    db::add_page(params, page);
    const auto rows = co_await db.query(sql::kListFollowing, std::move(params));
    co_return db::read_page(rows, page, 2, 3, [](const db::Row& row) {
        return FollowingRow{row.get<std::string>(0), row.get<std::optional<std::string>>(1)};
    });
}

net::awaitable<void> Repository::refresh_popular(db::Executor& tx, std::string now) const {
    co_await tx.query(sql::kRefreshPopularClear, db::Params());
    co_await tx.query(sql::kRefreshPopularFill, db::Params(now));
}

net::awaitable<bool> Repository::add_popular(db::Executor& db, std::string post_id, std::string now) const {
    const auto rows = co_await db.query(sql::kAddPopular, db::Params(post_id, now));
    co_return !rows.empty();
}

net::awaitable<std::vector<std::string>> Repository::audience(db::Executor& db, std::string author) const {
    const auto rows = co_await db.query(sql::kListAudience, db::Params(author));
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
    co_return out;
}

}  // namespace service::feed

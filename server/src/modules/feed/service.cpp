#include "modules/feed/service.hpp"

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/problem.hpp"

namespace service::feed {
namespace {

// "Recent" for the candidates that are found by place: older posts count only as popular ones
// (feed_popular) or in the following tab.
constexpr auto kForYouWindow = std::chrono::hours(24 * 14);
constexpr auto kNearbyWindow = std::chrono::hours(24 * 30);

core::ApiError snapshot_expired() {
    return core::ApiError(http::status::gone, "feed_snapshot_expired", "The feed snapshot expired",
                          "This feed is no longer held: load it again from the top.");
}

}  // namespace

net::awaitable<FeedPage> Service::page(std::string viewer, FeedRequest request) {
    if (request.tab == Tab::kFollowing) co_return co_await following(std::move(viewer), std::move(request));
    if (!request.cursor) co_return co_await first_page(std::move(viewer), std::move(request));
    const auto cursor = decode_cursor(*request.cursor);
    if (!cursor || cursor->tab != request.tab) {
        throw core::ApiError::validation({{"cursor", "is not a valid cursor for this tab"}});
    }
    co_return co_await next_page(std::move(viewer), std::move(request), *cursor);
}

net::awaitable<FeedPage> Service::following(std::string viewer, FeedRequest request) {
    const core::PageRequest page{request.limit, request.after};
    auto rows = co_await repository_.following(pool_, viewer, page);
    std::vector<posts::Entry> entries;
    entries.reserve(rows.items.size());
    for (auto& row : rows.items) entries.push_back(posts::Entry{std::move(row.post_id), std::move(row.repost_id)});
    std::optional<std::string> who = viewer;
    FeedPage out;
    out.items = co_await posts_.render(std::move(who), std::move(entries));
    if (rows.next) out.next_cursor = core::encode_cursor(*rows.next);
    co_return out;
}

net::awaitable<FeedPage> Service::first_page(std::string viewer, FeedRequest request) {
    auto entries = co_await ranked(viewer, request.tab, request.point);
    auto filled = co_await fill(viewer, entries, 0, static_cast<std::size_t>(request.limit));
    FeedPage out;
    out.items = std::move(filled.items);
    if (filled.consumed < entries.size()) {
        SnapshotCursor cursor{request.tab, core::random_token(12), filled.consumed};
        const bool saved = co_await snapshots_.save(viewer, cursor.snapshot_id, std::move(entries));
        // Without Redis the cursor names no snapshot: the next page recomputes (docs/feed.md).
        if (!saved) cursor.snapshot_id.clear();
        out.next_cursor = encode_cursor(cursor);
    }
    co_return out;
}

net::awaitable<FeedPage> Service::next_page(std::string viewer, FeedRequest request, SnapshotCursor cursor) {
    const auto limit = static_cast<std::size_t>(request.limit);
    FeedPage out;
    std::size_t offset = cursor.offset;
    std::size_t total = 0;
    bool recompute = cursor.snapshot_id.empty();
    while (!recompute && out.items.size() < limit) {
        const std::size_t want = limit - out.items.size();
        auto slice = co_await snapshots_.read(viewer, cursor.snapshot_id, offset, want);
        if (slice.status == SnapshotSlice::Status::kGone) throw snapshot_expired();
        if (slice.status == SnapshotSlice::Status::kUnavailable) {
            recompute = true;
            break;
        }
        total = slice.total;
        if (slice.entries.empty()) break;
        auto filled = co_await fill(viewer, std::move(slice.entries), 0, want);
        for (auto& item : filled.items) out.items.push_back(std::move(item));
        offset += filled.consumed;
        if (offset >= total) break;
    }
    if (recompute) {
        // Redis is unreachable (now or when the first page was taken): the list is ranked again
        // and cut at the same offset, which is exact only while the ranking has not moved.
        auto entries = co_await ranked(viewer, request.tab, request.point);
        auto filled = co_await fill(viewer, entries, offset, limit - out.items.size());
        for (auto& item : filled.items) out.items.push_back(std::move(item));
        offset += filled.consumed;
        total = entries.size();
    }
    if (offset < total) {
        cursor.offset = offset;
        out.next_cursor = encode_cursor(cursor);
    }
    co_return out;
}

net::awaitable<Point> Service::viewer_point(std::string viewer, std::optional<Point> given) {
    if (given) co_return *given;
    const auto place = co_await repository_.viewer_place(pool_, viewer);
    if (place && place->location) co_return *place->location;
    co_return city_centre(place ? place->city : std::string());
}

net::awaitable<std::vector<std::string>> Service::ranked(std::string viewer, Tab tab, std::optional<Point> point) {
    const Point at = co_await viewer_point(viewer, point);
    const auto now = clock_.now();
    const auto now_text = core::to_timestamptz(now);
    std::vector<Ranked> ranked;
    if (tab == Tab::kNearby) {
        const auto since = core::to_timestamptz(now - kNearbyWindow);
        const auto rows = co_await repository_.nearby_candidates(pool_, viewer, at, now_text, since);
        ranked.reserve(rows.size());
        for (const auto& r : rows)
            ranked.push_back(Ranked{r.post_id, r.author_id, nearby_score(r.distance_m, r.age_s), r.age_s});
        ranked = best_first(std::move(ranked), kSnapshotSize);
    } else {
        const auto since = core::to_timestamptz(now - kForYouWindow);
        const auto rows = co_await repository_.for_you_candidates(pool_, viewer, at, now_text, since);
        ranked.reserve(rows.size());
        for (const auto& c : rows) ranked.push_back(Ranked{c.post_id, c.author_id, for_you_score(c), c.age_s});
        ranked = diversify(best_first(std::move(ranked), kSnapshotSize));
    }
    std::vector<std::string> ids;
    ids.reserve(ranked.size());
    for (auto& r : ranked) ids.push_back(std::move(r.post_id));
    co_return ids;
}

net::awaitable<Service::Filled> Service::fill(std::string viewer, std::vector<std::string> entries, std::size_t offset,
                                              std::size_t limit) {
    Filled out;
    std::size_t next = offset;
    while (out.items.size() < limit && next < entries.size()) {
        const std::size_t need = limit - out.items.size();
        std::vector<posts::Entry> batch;
        batch.reserve(need);
        for (std::size_t k = 0; k < need && next < entries.size(); ++k, ++next) {
            batch.push_back(posts::Entry{entries[next], std::nullopt});
        }
        std::optional<std::string> who = viewer;
        auto rendered = co_await posts_.render(std::move(who), std::move(batch));
        for (auto& item : rendered) out.items.push_back(std::move(item));
    }
    out.consumed = next - offset;
    co_return out;
}

net::awaitable<void> Service::post_published(std::string post_id, std::string author_id) {
    const auto now = core::to_timestamptz(clock_.now());
    const bool visible = co_await repository_.add_popular(pool_, post_id, now);
    if (!visible) co_return;  // deleted or hidden before the job ran
    const auto audience = co_await repository_.audience(pool_, author_id);
    if (audience.empty()) co_return;
    boost::json::object payload;
    payload["count"] = 1;
    publisher_.to_users(audience, "feed:new_posts", payload);
}

net::awaitable<void> Service::refresh_popular() {
    const auto now = core::to_timestamptz(clock_.now());
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.refresh_popular(tx, now);
    co_await tx.commit();
}

}  // namespace service::feed

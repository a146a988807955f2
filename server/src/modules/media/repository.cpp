#include "modules/media/repository.hpp"

#include "media_sql.hpp"

namespace service::media {

net::awaitable<Media> Repository::insert(db::Executor& db, std::string owner_id, Purpose purpose,
                                         std::string declared_type, std::int64_t max_bytes,
                                         std::string upload_expires_at) const {
    const auto rows = co_await db.query(
        sql::kInsertMedia,
        db::Params(owner_id, to_string(purpose), declared_type, static_cast<long long>(max_bytes), upload_expires_at));
    co_return media_from_row(rows[0]);
}

net::awaitable<std::optional<Media>> Repository::get(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetMedia, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return media_from_row(rows[0]);
}

net::awaitable<std::vector<Media>> Repository::get_many(db::Executor& db, std::vector<std::string> ids) const {
    const auto rows = co_await db.query(sql::kGetMediaMany, db::Params(ids));
    std::vector<Media> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(media_from_row(rows[i]));
    co_return out;
}

net::awaitable<std::optional<Media>> Repository::lock(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kLockMedia, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return media_from_row(rows[0]);
}

net::awaitable<void> Repository::lock_owner_uploads(db::Executor& db, std::string owner_id) const {
    co_await db.query(sql::kLockOwnerUploads, db::Params(owner_id));
}

net::awaitable<int> Repository::count_pending(db::Executor& db, std::string owner_id, std::string now) const {
    const auto rows = co_await db.query(sql::kCountPendingUploads, db::Params(owner_id, now));
    co_return rows[0].get<int>(0);
}

net::awaitable<void> Repository::mark_uploaded(db::Executor& db, std::string id, std::int64_t bytes) const {
    co_await db.query(sql::kMarkUploaded, db::Params(id, static_cast<long long>(bytes)));
}

net::awaitable<Media> Repository::start_processing(db::Executor& db, std::string id, std::string lease_until,
                                                   std::optional<std::int64_t> bytes) const {
    std::optional<long long> received;
    if (bytes) received = static_cast<long long>(*bytes);
    const auto rows = co_await db.query(sql::kStartProcessing, db::Params(id, lease_until, received));
    co_return media_from_row(rows[0]);
}

net::awaitable<void> Repository::renew_lease(db::Executor& db, std::string id, std::string lease_until) const {
    co_await db.query(sql::kRenewLease, db::Params(id, lease_until));
}

net::awaitable<bool> Repository::finish_ready(db::Executor& db, std::string id, ReadyFields f) const {
    const auto rows = co_await db.query(
        sql::kFinishReady, db::Params(id, f.detected_type, f.width, f.height, f.placeholder, f.variants_json));
    co_return rows.affected() > 0;
}

net::awaitable<bool> Repository::finish_failed(db::Executor& db, std::string id, std::string reason,
                                               std::optional<std::string> detected_type) const {
    const auto rows = co_await db.query(sql::kFinishFailed, db::Params(id, reason, detected_type));
    co_return rows.affected() > 0;
}

net::awaitable<std::vector<Repository::Claimed>> Repository::claim_stale(db::Executor& db, std::string now,
                                                                         std::string lease_until, int limit) const {
    const auto rows = co_await db.query(sql::kClaimStaleProcessing, db::Params(now, lease_until, limit));
    std::vector<Claimed> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back({rows[i].get<std::string>(0), rows[i].get<int>(1)});
    co_return out;
}

net::awaitable<std::optional<std::string>> Repository::remove(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kDeleteMedia, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    co_return rows[0].get<std::string>(0);
}

net::awaitable<std::vector<std::string>> Repository::abandoned(db::Executor& db, std::string now) const {
    const auto rows = co_await db.query(sql::kListAbandoned, db::Params(now));
    std::vector<std::string> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
    co_return out;
}

net::awaitable<bool> Repository::remove_abandoned(db::Executor& db, std::string id, std::string now) const {
    const auto rows = co_await db.query(sql::kDeleteAbandoned, db::Params(id, now));
    co_return !rows.empty();
}

net::awaitable<void> Repository::release(db::Executor& db, std::string id) const {
    co_await db.query(sql::kReleaseMedia, db::Params(id));
}

net::awaitable<void> Repository::mark_attached(db::Executor& db, std::string id) const {
    co_await db.query(sql::kMarkAttached, db::Params(id));
}

}  // namespace service::media

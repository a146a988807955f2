#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"
#include "modules/media/media.hpp"

namespace service::media {

/// The media table. Timestamps that rules depend on come from the service's clock.
class Repository {
  public:
    net::awaitable<Media> insert(db::Executor& db, std::string owner_id, Purpose purpose, std::string declared_type,
                                 std::int64_t max_bytes, std::string upload_expires_at) const;
    net::awaitable<std::optional<Media>> get(db::Executor& db, std::string id) const;
    net::awaitable<std::vector<Media>> get_many(db::Executor& db, std::vector<std::string> ids) const;
    net::awaitable<std::optional<Media>> lock(db::Executor& db, std::string id) const;
    net::awaitable<int> count_pending(db::Executor& db, std::string owner_id, std::string now) const;
    /// Holds the owner's upload lock until the transaction ends (counting and inserting under it).
    net::awaitable<void> lock_owner_uploads(db::Executor& db, std::string owner_id) const;
    net::awaitable<void> mark_uploaded(db::Executor& db, std::string id, std::int64_t bytes) const;
    net::awaitable<Media> start_processing(db::Executor& db, std::string id, std::string lease_until,
                                           std::optional<std::int64_t> bytes) const;
    net::awaitable<void> renew_lease(db::Executor& db, std::string id, std::string lease_until) const;
    struct ReadyFields {
        std::string detected_type;
        int width = 0;
        int height = 0;
        std::string placeholder;
        std::string variants_json;
    };
    net::awaitable<bool> finish_ready(db::Executor& db, std::string id, ReadyFields fields) const;
    net::awaitable<bool> finish_failed(db::Executor& db, std::string id, std::string reason,
                                       std::optional<std::string> detected_type) const;
    struct Claimed {
        std::string id;
        int attempts = 0;
    };
    net::awaitable<std::vector<Claimed>> claim_stale(db::Executor& db, std::string now, std::string lease_until,
                                                     int limit) const;
    /// Deletes the row; the variants it had (JSON), or nullopt when there was no such row.
    net::awaitable<std::optional<std::string>> remove(db::Executor& db, std::string id) const;
    /// Candidates for the 24-hour clean-up (never completed, failed, or never used).
    net::awaitable<std::vector<std::string>> abandoned(db::Executor& db, std::string now) const;
    /// Deletes a candidate unless it was attached meanwhile; true when it was deleted.
    net::awaitable<bool> remove_abandoned(db::Executor& db, std::string id, std::string now) const;
    net::awaitable<void> mark_attached(db::Executor& db, std::string id) const;
    net::awaitable<void> release(db::Executor& db, std::string id) const;
};

}  // namespace service::media

#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/masters/master.hpp"

namespace service::masters {

enum class SearchOrder { kDistance, kRating, kPrice };

struct SearchQuery {
    double lat = 0;
    double lon = 0;
    double radius_m = 10'000;
    std::optional<std::string> category_id;
    std::optional<double> min_rating;
    SearchOrder order = SearchOrder::kDistance;
    core::PageRequest page;
    std::optional<std::string> viewer_id;
};

/// The masters table: profiles, their booking rules, ratings and the nearby search. Reads
/// categories, master_services and favorite_masters read-only (docs/architecture.md).
class Repository {
  public:
    /// Returns the profile id and whether it was created.
    net::awaitable<std::pair<std::string, bool>> upsert(db::Executor& db, std::string user_id, ProfileInput in) const;
    /// By master id, or (id nullopt) by the owning user's id.
    net::awaitable<std::optional<Profile>> get(db::Executor& db, std::optional<std::string> id,
                                               std::optional<std::string> user_id, std::optional<double> lat,
                                               std::optional<double> lon, std::optional<std::string> viewer) const;
    net::awaitable<bool> valid_timezone(db::Executor& db, std::string name) const;
    net::awaitable<db::Page<Card>> search(db::Executor& db, SearchQuery q) const;
    /// Cards for `ids`, in that order (unknown ids are left out).
    net::awaitable<std::vector<Card>> cards(db::Executor& db, std::vector<std::string> ids,
                                            std::optional<std::string> viewer) const;
    net::awaitable<void> add_rating(db::Executor& db, std::string master_id, int rating) const;
};

}  // namespace service::masters

#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/keyset.hpp"
#include "db/pool.hpp"
#include "modules/categories/service.hpp"
#include "modules/masters/master.hpp"
#include "modules/masters/repository.hpp"
#include "modules/media/service.hpp"
#include "modules/services/price_list.hpp"

namespace service::masters {

/// A profile as its page shows it: with the active price list.
struct ProfileView {
    Profile profile;
    std::vector<services::Service> services;
};

struct Saved {
    ProfileView view;
    bool created = false;
};

/// Master profiles: one per user with the master role, in a real IANA zone, in real
/// categories. Other modules ask here for cards, time zones and rating updates.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, services::PriceList& price_list,
            categories::Service& categories, media::Service& media)
        : pool_(pool), repository_(repository), price_list_(price_list), categories_(categories), media_(media) {}

    net::awaitable<Saved> put_me(std::string user_id, ProfileInput input);
    /// 404 master_profile_missing before the first put_me.
    net::awaitable<ProfileView> me(std::string user_id);
    /// 404 for an unknown id; distance from (lat, lon) when both are given.
    net::awaitable<ProfileView> get(std::string id, std::optional<double> lat, std::optional<double> lon,
                                    std::optional<std::string> viewer);
    net::awaitable<db::Page<Card>> search(SearchQuery query);
    /// Cards for `ids` in that order (for lists other modules keep, such as favourites).
    net::awaitable<std::vector<Card>> cards(std::vector<std::string> ids, std::optional<std::string> viewer);
    /// The master's IANA time zone (404 for an unknown master).
    net::awaitable<std::string> timezone(std::string master_id);
    /// Adds one review's rating to the aggregate, inside the reviewer's transaction.
    net::awaitable<void> add_rating(db::Executor& tx, std::string master_id, int rating);

  private:
    net::awaitable<ProfileView> with_services(Profile profile);

    db::Pool& pool_;
    const Repository& repository_;
    services::PriceList& price_list_;
    categories::Service& categories_;
    media::Service& media_;

    /// Cover and avatar URLs from the cards' photo ids.
    void add_photos(std::vector<Card>& cards) const;
};

}  // namespace service::masters

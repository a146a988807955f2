#include "modules/masters/service.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::masters {
namespace {

core::ApiError profile_missing() {
    return core::ApiError(http::status::not_found, "master_profile_missing", "Not found",
                          "Create your master profile with PUT /api/v1/masters/me first.");
}

}  // namespace

net::awaitable<ProfileView> Service::with_services(Profile profile) {
    if (profile.avatar_media_id) profile.avatar_url = media_.public_url(*profile.avatar_media_id);
    auto services = co_await price_list_.list(profile.id, true);
    co_return ProfileView{std::move(profile), std::move(services)};
}

net::awaitable<Saved> Service::put_me(std::string user_id, ProfileInput input) {
    if (!(co_await repository_.valid_timezone(pool_, input.timezone))) {
        throw core::ApiError::validation({{"timezone", "is not a known IANA time zone (e.g. Europe/Moscow)"}});
    }
    if (!(co_await categories_.all_exist(input.category_ids))) {
        throw core::ApiError::validation({{"category_ids", "contains an unknown category id"}});
    }
    const auto [id, created] = co_await repository_.upsert(pool_, user_id, std::move(input));
    auto profile = co_await repository_.get(pool_, id, std::nullopt, std::nullopt, std::nullopt, user_id);
    Saved saved;
    saved.created = created;
    saved.view = co_await with_services(std::move(*profile));
    co_return saved;
}

net::awaitable<ProfileView> Service::me(std::string user_id) {
    auto profile = co_await repository_.get(pool_, std::nullopt, user_id, std::nullopt, std::nullopt, user_id);
    if (!profile) throw profile_missing();
    co_return co_await with_services(std::move(*profile));
}

net::awaitable<ProfileView> Service::get(std::string id, std::optional<double> lat, std::optional<double> lon,
                                         std::optional<std::string> viewer) {
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such master.");
    auto profile = co_await repository_.get(pool_, id, std::nullopt, lat, lon, std::move(viewer));
    if (!profile) throw core::ApiError::not_found("No such master.");
    co_return co_await with_services(std::move(*profile));
}

void Service::add_photos(std::vector<Card>& cards) const {
    for (auto& card : cards) {
        if (card.cover_media_id) card.cover_url = media_.public_url(*card.cover_media_id);
        if (card.avatar_media_id) card.avatar_url = media_.public_url(*card.avatar_media_id);
    }
}

net::awaitable<db::Page<Card>> Service::search(SearchQuery query) {
    auto page = co_await repository_.search(pool_, std::move(query));
    add_photos(page.items);
    co_return page;
}

net::awaitable<std::vector<Card>> Service::cards(std::vector<std::string> ids, std::optional<std::string> viewer) {
    auto cards = co_await repository_.cards(pool_, std::move(ids), std::move(viewer));
    add_photos(cards);
    co_return cards;
}

net::awaitable<std::string> Service::timezone(std::string master_id) {
    auto profile = co_await repository_.get(pool_, master_id, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    if (!profile) throw profile_missing();
    co_return profile->timezone;
}

net::awaitable<void> Service::add_rating(db::Executor& tx, std::string master_id, int rating) {
    co_await repository_.add_rating(tx, std::move(master_id), rating);
}

}  // namespace service::masters

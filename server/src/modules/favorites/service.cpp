#include "modules/favorites/service.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::favorites {

net::awaitable<void> Service::add(std::string user_id, std::string master_id) {
    if (!core::is_uuid(master_id)) throw core::ApiError::not_found("No such master.");
    bool missing = false;
    try {
        co_await repository_.add(pool_, std::move(user_id), std::move(master_id));
    } catch (const db::ForeignKeyViolation&) {
        missing = true;
    }
    if (missing) throw core::ApiError::not_found("No such master.");
}

net::awaitable<void> Service::remove(std::string user_id, std::string master_id) {
    if (core::is_uuid(master_id)) co_await repository_.remove(pool_, std::move(user_id), std::move(master_id));
}

net::awaitable<db::Page<masters::Card>> Service::list(std::string user_id, core::PageRequest page) {
    auto favorites = co_await repository_.list(pool_, user_id, std::move(page));
    std::vector<std::string> ids;
    ids.reserve(favorites.items.size());
    for (auto& f : favorites.items) ids.push_back(std::move(f.master_id));
    // A master removed between the two reads simply drops out of this page.
    db::Page<masters::Card> cards;
    cards.items = co_await masters_.cards(std::move(ids), std::move(user_id));
    cards.next = std::move(favorites.next);
    co_return cards;
}

}  // namespace service::favorites

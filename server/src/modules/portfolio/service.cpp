#include "modules/portfolio/service.hpp"

#include <algorithm>
#include <map>

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::portfolio {

net::awaitable<std::vector<ItemView>> Service::with_media(std::vector<Item> items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(item.media_id);
    auto photos = co_await media_.get_many(std::move(ids));
    std::map<std::string, media::Media, std::less<>> by_id;
    for (auto& photo : photos) by_id.emplace(photo.id, std::move(photo));
    std::vector<ItemView> out;
    out.reserve(items.size());
    for (auto& item : items) {
        auto photo = by_id.find(item.media_id);
        if (photo == by_id.end()) continue;  // deleted a moment ago; its item is going too
        out.push_back({std::move(item), photo->second});
    }
    co_return out;
}

net::awaitable<std::vector<Item>> Service::locked_items(db::Transaction& tx, std::string master_id) {
    co_await repository_.lock(tx, master_id);
    co_return co_await repository_.list(tx, master_id);
}

std::vector<Item>::iterator Service::find_item(std::vector<Item>& items, const std::string& item_id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.id == item_id; });
    if (it == items.end()) throw core::ApiError::not_found("No such portfolio item.");
    return it;
}

net::awaitable<std::vector<ItemView>> Service::list(std::string master_id) {
    if (!core::is_uuid(master_id)) throw core::ApiError::not_found("No such master.");
    auto items = co_await repository_.list(pool_, master_id);
    // A photo deleted by its owner takes its item with it (ON DELETE CASCADE) and leaves a gap
    // in the stored positions; the order is what counts, and the API numbers it 0…n-1.
    for (std::size_t i = 0; i < items.size(); ++i) items[i].position = static_cast<int>(i);
    co_return co_await with_media(std::move(items));
}

net::awaitable<ItemView> Service::add(std::string user_id, std::string master_id, AddInput input) {
    if (input.service_id) {
        const auto lines = co_await price_list_.list(master_id, true);
        const bool mine =
            std::any_of(lines.begin(), lines.end(), [&](const auto& s) { return s.id == *input.service_id; });
        if (!mine) throw core::ApiError::validation({{"service_id", "must be one of your active services"}});
    }
    auto tx = co_await db::Transaction::begin(pool_);
    const auto items = co_await locked_items(tx, master_id);
    if (static_cast<int>(items.size()) >= kMaxItems) {
        throw core::ApiError::validation(
            {{"media_id", "a portfolio holds at most " + std::to_string(kMaxItems) + " photos; delete one first"}});
    }
    const bool already =
        std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.media_id == input.media_id; });
    if (already) throw core::ApiError::validation({{"media_id", "this photo is already in your portfolio"}});
    auto photo = co_await media_.attach(tx, user_id, input.media_id, media::Purpose::kPortfolio, "media_id");
    auto item = co_await repository_.insert(tx, master_id, input.media_id, input.caption, input.service_id,
                                            static_cast<int>(items.size()));
    co_await tx.commit();
    co_return ItemView{std::move(item), std::move(photo)};
}

net::awaitable<ItemView> Service::change(std::string master_id, std::string item_id, ItemChanges changes) {
    if (!core::is_uuid(item_id)) throw core::ApiError::not_found("No such portfolio item.");
    auto tx = co_await db::Transaction::begin(pool_);
    auto items = co_await locked_items(tx, master_id);
    const auto it = find_item(items, item_id);
    Item moved = *it;
    items.erase(it);
    const int last = static_cast<int>(items.size());
    const int target = std::clamp(changes.position.value_or(moved.position), 0, last);
    items.insert(items.begin() + target, moved);
    for (int i = 0; i <= last; ++i) {
        auto& item = items[static_cast<std::size_t>(i)];
        const bool is_moved = item.id == item_id;
        if (item.position == i && !(is_moved && changes.caption)) continue;
        // Named, not a conditional temporary in the call: GCC 12 frees such an argument twice.
        std::optional<std::string> caption;
        if (is_moved) caption = changes.caption;
        co_await repository_.update(tx, item.id, master_id, std::move(caption), i);
        item.position = i;
        if (is_moved && changes.caption) item.caption = *changes.caption;
    }
    co_await tx.commit();
    std::vector<Item> changed{items[static_cast<std::size_t>(target)]};  // not braced inside co_await (GCC 12)
    auto view = co_await with_media(std::move(changed));
    if (view.empty()) throw core::ApiError::not_found("No such portfolio item.");
    co_return std::move(view.front());
}

net::awaitable<void> Service::remove(std::string master_id, std::string item_id) {
    if (!core::is_uuid(item_id)) throw core::ApiError::not_found("No such portfolio item.");
    auto tx = co_await db::Transaction::begin(pool_);
    auto items = co_await locked_items(tx, master_id);
    const auto it = find_item(items, item_id);
    const auto media_id = it->media_id;
    co_await repository_.remove(tx, item_id, master_id);
    items.erase(it);
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        const auto& item = items[static_cast<std::size_t>(i)];
        if (item.position != i) co_await repository_.update(tx, item.id, master_id, std::nullopt, i);
    }
    // The photo stays the master's; nothing uses it now, so the clean-up takes it in a day.
    co_await media_.release(tx, media_id);
    co_await tx.commit();
}

boost::json::object Service::to_json(const ItemView& view) const {
    return {{"id", view.item.id},
            {"media", media_.to_json(view.media)},
            {"caption", view.item.caption},
            {"service_id", view.item.service_id ? boost::json::value(*view.item.service_id) : nullptr},
            {"position", view.item.position},
            {"created_at", view.item.created_at}};
}

}  // namespace service::portfolio

#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "db/pool.hpp"
#include "modules/media/service.hpp"
#include "modules/portfolio/repository.hpp"
#include "modules/services/price_list.hpp"

namespace service::portfolio {

inline constexpr int kMaxItems = 100;

struct AddInput {
    std::string media_id;
    std::string caption;
    std::optional<std::string> service_id;
};

struct ItemChanges {
    std::optional<std::string> caption;
    std::optional<int> position;
};

/// An item with its photo.
struct ItemView {
    Item item;
    media::Media media;
};

/// A master's portfolio: their own ready portfolio photos (checked by the media module), at
/// most 100, in the order the master chose. Positions are 0…n-1 at all times: adding appends,
/// moving an item to position p shifts the ones between, deleting closes the gap. Changes to
/// one portfolio are serialised by a transaction-scoped lock.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, media::Service& media, services::PriceList& price_list)
        : pool_(pool), repository_(repository), media_(media), price_list_(price_list) {}

    net::awaitable<std::vector<ItemView>> list(std::string master_id);
    net::awaitable<ItemView> add(std::string user_id, std::string master_id, AddInput input);
    /// 404 when the item is not in this master's portfolio.
    net::awaitable<ItemView> change(std::string master_id, std::string item_id, ItemChanges changes);
    net::awaitable<void> remove(std::string master_id, std::string item_id);

    boost::json::object to_json(const ItemView& view) const;

  private:
    net::awaitable<std::vector<ItemView>> with_media(std::vector<Item> items);
    /// The master's items, with the portfolio locked for the rest of `tx`.
    net::awaitable<std::vector<Item>> locked_items(db::Transaction& tx, std::string master_id);
    /// 404 when `item_id` is not among `items`.
    static std::vector<Item>::iterator find_item(std::vector<Item>& items, const std::string& item_id);

    db::Pool& pool_;
    const Repository& repository_;
    media::Service& media_;
    services::PriceList& price_list_;
};

}  // namespace service::portfolio

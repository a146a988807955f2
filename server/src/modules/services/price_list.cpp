#include "modules/services/price_list.hpp"

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::services {
namespace {

core::ApiError no_such_service() { return core::ApiError::not_found("No such service."); }

}  // namespace

net::awaitable<void> PriceList::require_category(std::string category_id) {
    std::vector<std::string> ids{std::move(category_id)};
    if (!(co_await categories_.all_exist(std::move(ids)))) {
        throw core::ApiError::validation({{"category_id", "is not a known category"}});
    }
}

net::awaitable<std::vector<Service>> PriceList::list(std::string master_id, bool active_only) {
    co_return co_await repository_.list(pool_, std::move(master_id), active_only);
}

net::awaitable<Service> PriceList::create(std::string master_id, ServiceChanges changes) {
    co_await require_category(*changes.category_id);
    Service s;
    s.name = *changes.name;
    s.description = changes.description.value_or("");
    s.category_id = *changes.category_id;
    s.price_minor = *changes.price_minor;
    s.currency = "RUB";
    s.duration_min = *changes.duration_min;
    co_return co_await repository_.insert(pool_, std::move(master_id), std::move(s));
}

net::awaitable<Service> PriceList::update(std::string master_id, std::string id, ServiceChanges changes) {
    if (!core::is_uuid(id)) throw no_such_service();
    if (changes.category_id) co_await require_category(*changes.category_id);
    auto updated = co_await repository_.update(pool_, std::move(id), std::move(master_id), std::move(changes));
    if (!updated) throw no_such_service();
    co_return std::move(*updated);
}

net::awaitable<void> PriceList::remove(std::string master_id, std::string id) {
    if (!core::is_uuid(id)) throw no_such_service();
    const bool removed = co_await repository_.deactivate(pool_, std::move(id), std::move(master_id));
    if (!removed) throw no_such_service();
}

}  // namespace service::services

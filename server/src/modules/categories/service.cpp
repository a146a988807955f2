#include "modules/categories/service.hpp"

namespace service::categories {

net::awaitable<std::vector<Category>> Service::list() { co_return co_await repository_.list(pool_); }

net::awaitable<bool> Service::all_exist(std::vector<std::string> ids) {
    co_return co_await repository_.all_exist(pool_, std::move(ids));
}

}  // namespace service::categories

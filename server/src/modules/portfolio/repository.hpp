#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"

namespace service::portfolio {

/// A row of portfolio_items.
struct Item {
    std::string id;
    std::string media_id;
    std::string caption;
    std::optional<std::string> service_id;
    int position = 0;
    std::string created_at;
};

/// The portfolio_items table.
class Repository {
  public:
    net::awaitable<std::vector<Item>> list(db::Executor& db, std::string master_id) const;
    /// Takes the master's portfolio lock for the rest of the transaction.
    net::awaitable<void> lock(db::Executor& db, std::string master_id) const;
    net::awaitable<Item> insert(db::Executor& db, std::string master_id, std::string media_id, std::string caption,
                                std::optional<std::string> service_id, int position) const;
    net::awaitable<void> update(db::Executor& db, std::string id, std::string master_id,
                                std::optional<std::string> caption, int position) const;
    net::awaitable<bool> remove(db::Executor& db, std::string id, std::string master_id) const;
};

}  // namespace service::portfolio

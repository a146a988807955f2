#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/pool.hpp"

namespace service::categories {

struct Category {
    std::string id;
    std::optional<std::string> parent_id;
    std::string slug;
    std::string name_ru;
    std::string name_en;
};

/// The categories table: the catalogue other modules refer to by id.
class Repository {
  public:
    net::awaitable<std::vector<Category>> list(db::Executor& db) const;
    /// True when every id in `ids` names an existing category.
    net::awaitable<bool> all_exist(db::Executor& db, std::vector<std::string> ids) const;
};

}  // namespace service::categories

#pragma once
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace service::db {

struct Migration {
    int version;
    std::string name;  // file name, e.g. "0001_users.sql"
    std::string_view sql;
};

/// An applied migration whose text no longer matches, or a malformed migration list. The
/// server refuses to start on it: someone edited history.
class MigrationError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Builds the ordered list from embedded files named NNNN_<module>_<what>.sql.
std::vector<Migration> migrations_from_files(std::span<const std::pair<std::string_view, std::string_view>> files);

/// Applies pending migrations, each in its own transaction, recording version, name and
/// SHA-256 checksum in schema_migrations. A session advisory lock serialises nodes that
/// start together. Returns the number applied.
net::awaitable<int> migrate(Connection& conn, std::vector<Migration> migrations);

}  // namespace service::db

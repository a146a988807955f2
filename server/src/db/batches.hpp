#pragma once
#include <string>

#include "db/pool.hpp"

namespace service::db {

/// Runs `statement` — a DELETE of at most $2 rows older than $1 (the retention limit, RFC 3339)
/// — again and again until a run deletes fewer than `batch` rows or `max_batches` ran, so a
/// large backlog is cleared without one long transaction; returns how many rows went.
net::awaitable<long long> delete_in_batches(Executor& db, Statement statement, std::string before, int batch = 1000,
                                            int max_batches = 100);

}  // namespace service::db

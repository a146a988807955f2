#include "db/batches.hpp"

namespace service::db {

net::awaitable<long long> delete_in_batches(Executor& db, Statement statement, std::string before, int batch,
                                            int max_batches) {
    long long total = 0;
    for (int i = 0; i < max_batches; ++i) {
        const auto rows = co_await db.query(statement, Params(before, batch));
        const auto deleted = rows.affected();
        total += deleted;
        if (deleted < batch) break;
    }
    co_return total;
}

}  // namespace service::db

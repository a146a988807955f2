#include "db/migrations.hpp"

#include <algorithm>
#include <charconv>

#include "core/crypto.hpp"
#include "core/log.hpp"

namespace service::db {
namespace {

// Arbitrary constant that identifies "the migration lock" among advisory locks.
constexpr std::string_view kLockKey = "7305417290185237";

constexpr Statement kCreateTable{"migrations_create_table",
                                 "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                 " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                                 " applied_at timestamptz NOT NULL DEFAULT now())"};
constexpr Statement kLock{"migrations_lock", "SELECT pg_advisory_lock($1::bigint)"};
constexpr Statement kUnlock{"migrations_unlock", "SELECT pg_advisory_unlock($1::bigint)"};
constexpr Statement kApplied{"migrations_applied",
                             "SELECT version, name, checksum FROM schema_migrations ORDER BY version"};
constexpr Statement kRecord{"migrations_record",
                            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)"};

}  // namespace

std::vector<Migration> migrations_from_files(std::span<const std::pair<std::string_view, std::string_view>> files) {
    std::vector<Migration> out;
    for (const auto& [name, sql] : files) {
        int version = 0;
        const auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
        if (ec != std::errc{} || ptr == name.data() || *ptr != '_' || version <= 0) {
            throw MigrationError("migration file name must start with a positive number and '_': " + std::string(name));
        }
        out.push_back({version, std::string(name), sql});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].version == out[i - 1].version) {
            throw MigrationError("two migrations share version " + std::to_string(out[i].version));
        }
    }
    return out;
}

net::awaitable<int> migrate(Connection& conn, std::vector<Migration> migrations) {
    co_await conn.query(kLock, Params(kLockKey));
    int applied_now = 0;
    std::exception_ptr failure;
    try {
        co_await conn.query(kCreateTable, Params());
        const auto applied = co_await conn.query(kApplied, Params());
        for (const auto& m : migrations) {
            const auto checksum = core::sha256_hex(m.sql);
            bool done = false;
            for (int i = 0; i < applied.size(); ++i) {
                if (applied[i].get<int>(0) != m.version) continue;
                done = true;
                if (applied[i].get<std::string>(2) != checksum) {
                    throw MigrationError(
                        "migration " + m.name +
                        " was changed after it was applied; add a new migration instead of editing it");
                }
            }
            if (done) continue;
            core::log::info("applying migration", {{"migration", m.name}});
            co_await conn.execute("BEGIN");
            try {
                co_await conn.execute(m.sql);
                co_await conn.query(kRecord, Params(m.version, m.name, checksum));
                co_await conn.execute("COMMIT");
            } catch (const Error& e) {
                failure = std::current_exception();
            }
            if (failure) {
                if (conn.healthy()) co_await conn.execute("ROLLBACK");
                std::rethrow_exception(failure);
            }
            ++applied_now;
        }
        for (int i = 0; i < applied.size(); ++i) {
            const int version = applied[i].get<int>(0);
            if (std::none_of(migrations.begin(), migrations.end(),
                             [&](const Migration& m) { return m.version == version; })) {
                core::log::warn("database has a migration this binary does not know (a newer release ran here?)",
                                {{"version", version}, {"name", applied[i].get<std::string>(1)}});
            }
        }
    } catch (...) {
        failure = std::current_exception();
    }
    if (conn.healthy()) co_await conn.query(kUnlock, Params(kLockKey));
    if (failure) std::rethrow_exception(failure);
    co_return applied_now;
}

}  // namespace service::db

// The data layer against a real PostgreSQL: migrations and transaction retries.
#include <gtest/gtest.h>

#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <future>

#include "app/app.hpp"
#include "core/crypto.hpp"
#include "db/migrations.hpp"
#include "db/pool.hpp"
#include "migrations.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;

namespace {

std::vector<db::Migration> all_migrations() {
    std::vector<std::pair<std::string_view, std::string_view>> files;
    for (const auto& f : migrations::kAll) files.emplace_back(f.name, f.text);
    return db::migrations_from_files(files);
}

net::awaitable<int> migrate_url(std::string url) {
    db::Connection conn(co_await net::this_coro::executor);
    co_await conn.connect(url, std::chrono::seconds(5));
    co_return co_await db::migrate(conn, all_migrations());
}

template <typename T>
T run_sync(net::io_context& ioc, net::awaitable<T> task) {
    auto future = net::co_spawn(ioc, std::move(task), net::use_future);
    ioc.restart();
    ioc.run();
    return future.get();
}

constexpr db::Statement kReadCounter{"it.read_counter", "SELECT v FROM it_counter WHERE id = 1"};
constexpr db::Statement kWriteCounter{"it.write_counter", "UPDATE it_counter SET v = $1::int WHERE id = 1"};

// Read-modify-write under SERIALIZABLE: concurrent runs conflict (40001) and must be retried.
net::awaitable<int> increment_counter(db::Pool& pool, std::shared_ptr<std::atomic<int>> attempts) {
    auto body = [attempts](db::Transaction& tx) -> net::awaitable<int> {
        ++*attempts;
        const auto rows = co_await tx.query(kReadCounter, db::Params());
        const int next = rows[0].get<int>(0) + 1;
        net::steady_timer pause(co_await net::this_coro::executor, std::chrono::milliseconds(20));
        co_await pause.async_wait(net::use_awaitable);  // widen the race window
        co_await tx.query(kWriteCounter, db::Params(next));
        co_return next;
    };
    co_return co_await db::in_transaction<int>(pool, body, "BEGIN ISOLATION LEVEL SERIALIZABLE", 20);
}

}  // namespace

TEST(MigrationsIT, NodesStartingTogetherApplyEachMigrationOnce) {
    const auto url = fresh_database();
    net::io_context ioc;
    auto a = net::co_spawn(ioc, migrate_url(url), net::use_future);
    auto b = net::co_spawn(ioc, migrate_url(url), net::use_future);
    ioc.run();
    EXPECT_EQ(a.get() + b.get(), static_cast<int>(migrations::kAll.size()));
    EXPECT_EQ(run_sync(ioc, migrate_url(url)), 0);  // nothing left to do
}

TEST(MigrationsIT, AnEditedMigrationStopsTheServerFromStarting) {
    const auto url = fresh_database();
    net::io_context ioc;
    run_sync(ioc, migrate_url(url));
    PGconn* conn = PQconnectdb(url.c_str());
    PQclear(PQexec(conn, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1"));
    PQfinish(conn);
    EXPECT_THROW(run_sync(ioc, migrate_url(url)), db::MigrationError);
    EXPECT_EQ(app::run_migrations(test_config({{"DATABASE_URL", url}})), 1);
}

TEST(MigrationsIT, FileNamesMustBeNumberedAndUnique) {
    const std::vector<std::pair<std::string_view, std::string_view>> bad{{"users.sql", ""}};
    EXPECT_THROW(db::migrations_from_files(bad), db::MigrationError);
    const std::vector<std::pair<std::string_view, std::string_view>> dup{{"0001_a.sql", ""}, {"0001_b.sql", ""}};
    EXPECT_THROW(db::migrations_from_files(dup), db::MigrationError);
}

TEST(TransactionsIT, SerializationFailuresAreRetriedUntilAllCommit) {
    exec_sql("CREATE TABLE IF NOT EXISTS it_counter (id int PRIMARY KEY, v int NOT NULL)");
    exec_sql("INSERT INTO it_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET v = 0");
    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{test_env().database_url, 8});
    pool.set_ready(true);
    auto attempts = std::make_shared<std::atomic<int>>(0);
    std::vector<std::future<int>> results;
    for (int i = 0; i < 6; ++i) {
        results.push_back(net::co_spawn(net::make_strand(ioc), increment_counter(pool, attempts), net::use_future));
    }
    ioc.run();
    std::vector<int> values;
    for (auto& r : results) values.push_back(r.get());
    std::sort(values.begin(), values.end());
    EXPECT_EQ(values, (std::vector<int>{1, 2, 3, 4, 5, 6}));  // every increment landed exactly once
    EXPECT_GT(attempts->load(), 6);                           // and some had to be retried
}

TEST(TransactionsIT, AnAbandonedTransactionIsRolledBack) {
    exec_sql("CREATE TABLE IF NOT EXISTS it_counter (id int PRIMARY KEY, v int NOT NULL)");
    exec_sql("INSERT INTO it_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET v = 0");
    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{test_env().database_url, 2});
    pool.set_ready(true);
    run_sync(ioc, [](db::Pool& p) -> net::awaitable<int> {
        auto tx = co_await db::Transaction::begin(p);
        co_await tx.query(kWriteCounter, db::Params(42));
        co_return 0;  // no commit: the connection is discarded and the server rolls back
    }(pool));
    const auto value = run_sync(ioc, [](db::Pool& p) -> net::awaitable<int> {
        const auto rows = co_await p.query(kReadCounter, db::Params());
        co_return rows[0].get<int>(0);
    }(pool));
    EXPECT_EQ(value, 0);
}

// A committed transaction's connection is back in the pool at once: code after the commit that
// reads through the pool (a service reading back what it wrote) does not wait for it. With a
// pool of one, waiting would time out; at 16+ concurrent post creations it deadlocked the pool.
TEST(TransactionsIT, ACommitGivesTheConnectionBackBeforeTheTransactionObjectEnds) {
    exec_sql("CREATE TABLE IF NOT EXISTS it_counter (id int PRIMARY KEY, v int NOT NULL)");
    exec_sql("INSERT INTO it_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET v = 0");
    net::io_context ioc;
    db::PoolOptions options{test_env().database_url, 1};
    options.acquire_timeout = std::chrono::milliseconds(500);
    db::Pool pool(ioc.get_executor(), options);
    pool.set_ready(true);
    const auto value = run_sync(ioc, [](db::Pool& p) -> net::awaitable<int> {
        auto tx = co_await db::Transaction::begin(p);
        co_await tx.query(kWriteCounter, db::Params(7));
        co_await tx.commit();
        const auto rows = co_await p.query(kReadCounter, db::Params());  // tx is still in scope
        bool refused = false;
        try {
            co_await tx.query(kReadCounter, db::Params());
        } catch (const std::logic_error&) {
            refused = true;  // a finished transaction runs nothing more
        }
        co_return refused ? rows[0].get<int>(0) : -1;
    }(pool));
    EXPECT_EQ(value, 7);
}

// notify_after_commit: a listener hears what committed transactions asked for, once each, and
// nothing from a transaction that rolled back.
TEST(TransactionsIT, NotificationsAfterCommitAreSentOnlyForCommittedTransactions) {
    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{test_env().database_url, 4});
    pool.set_ready(true);
    const auto heard = run_sync(ioc, [](db::Pool& p) -> net::awaitable<std::vector<std::string>> {
        db::Connection listener(co_await net::this_coro::executor);
        co_await listener.connect(test_env().database_url, std::chrono::seconds(5));
        co_await listener.execute("LISTEN it_after_commit");
        {
            auto tx = co_await db::Transaction::begin(p);
            tx.notify_after_commit("it_after_commit", "rolled back");
            co_await tx.rollback();
        }
        {
            auto tx = co_await db::Transaction::begin(p);
            tx.notify_after_commit("it_after_commit", "abandoned");
        }  // destroyed without commit
        {
            auto tx = co_await db::Transaction::begin(p);
            tx.notify_after_commit("it_after_commit", "committed");
            tx.notify_after_commit("it_after_commit", "committed");  // the same twice: sent once
            co_await tx.commit();
        }
        p.notify_after_commit("it_after_commit", "last");  // the pool: sent soon
        std::vector<std::string> payloads;
        while (payloads.empty() || payloads.back() != "last") {
            for (auto& note : co_await listener.wait_notifications()) payloads.push_back(note.payload);
        }
        co_return payloads;
    }(pool));
    EXPECT_EQ(heard, (std::vector<std::string>{"committed", "last"}));
}

TEST(DemoDataIT, LoadsBelievableDataOnceAndItIsUsable) {
    const auto url = fresh_database();
    const auto config = test_config({{"DATABASE_URL", url}});
    auto count = [&](const std::string& sql) {
        PGconn* conn = PQconnectdb(url.c_str());
        PGresult* res = PQexec(conn, sql.c_str());
        const int n = PQresultStatus(res) == PGRES_TUPLES_OK ? std::stoi(PQgetvalue(res, 0, 0)) : -1;
        PQclear(res);
        PQfinish(conn);
        return n;
    };
    const auto started = std::chrono::steady_clock::now();
    ASSERT_EQ(app::seed_demo(config), 0);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("seed-demo took %.1f s\n", seconds);
    const int photos = count("SELECT count(*) FROM portfolio_items");
    const int posts = count("SELECT count(*) FROM posts");
    const int post_photos = count("SELECT count(*) FROM post_media");
    const int likes = count("SELECT count(*) FROM post_likes");
    ASSERT_EQ(app::seed_demo(config), 0);                                  // idempotent
    EXPECT_EQ(count("SELECT count(*) FROM portfolio_items"), photos);      // the second run added no photos
    EXPECT_EQ(count("SELECT count(*) FROM posts"), posts);                 // no posts
    EXPECT_EQ(count("SELECT count(*) FROM post_likes"), likes);            // no likes
    EXPECT_EQ(count("SELECT count(*) FROM media"), photos + post_photos);  // nor left any photo behind

    // Every master has a handful of posts with photos; the counters are the rows; people follow.
    EXPECT_EQ(count("SELECT count(*) FROM masters m WHERE (SELECT count(*) FROM posts p "
                    "WHERE p.author_id = m.user_id AND p.deleted_at IS NULL) < 3"),
              0);
    EXPECT_EQ(
        count("SELECT count(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_media pm WHERE pm.post_id = p.id)"),
        0);
    EXPECT_EQ(count("SELECT count(*) FROM posts p WHERE like_count <> (SELECT count(*) FROM post_likes l WHERE "
                    "l.post_id = p.id) OR comment_count <> (SELECT count(*) FROM comments c WHERE c.post_id = p.id)"),
              0);
    EXPECT_GE(likes, 500);
    EXPECT_GE(count("SELECT count(*) FROM comments WHERE parent_id IS NOT NULL"), 20);
    EXPECT_GE(count("SELECT count(*) FROM follows"), 100);
    EXPECT_GE(count("SELECT count(*) FROM friendships"), 10);

    // Every master has 3–4 portfolio photos, each ready with all of its variants.
    EXPECT_EQ(count("SELECT count(*) FROM masters m WHERE (SELECT count(*) FROM portfolio_items p "
                    "WHERE p.master_id = m.id) NOT BETWEEN 3 AND 4"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM portfolio_items p JOIN media m ON m.id = p.media_id "
                    "WHERE m.status <> 'ready' OR m.purpose <> 'portfolio' OR m.placeholder IS NULL "
                    "OR NOT m.variants ?& ARRAY['thumb', 'medium', 'large']"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM portfolio_items p JOIN masters m ON m.id = p.master_id "
                    "JOIN media x ON x.id = p.media_id WHERE x.owner_id <> m.user_id OR p.caption = ''"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM masters"), 50);
    EXPECT_EQ(
        count("SELECT count(DISTINCT c.parent_id) FROM masters m JOIN categories c ON c.id = ANY (m.category_ids) "
              "WHERE c.parent_id IS NOT NULL"),
        9);
    EXPECT_EQ(count("SELECT count(*) FROM master_services"), 150);
    EXPECT_GE(count("SELECT count(*) FROM reviews"), 100);
    EXPECT_EQ(count("SELECT count(*) FROM masters WHERE rating_count = 0"), 0);

    // The demo accounts work through the API and the masters have free time.
    RunningApp server(config);
    ASSERT_TRUE(server.wait_ready());
    const auto login = post_json(server.port(), "/api/v1/auth/login",
                                 boost::json::object{{"email", "anna@demo.service"}, {"password", "demo-pass-123"}});
    ASSERT_EQ(login.status, 200) << login.body;
    // A newcomer's first feed is alive: posts with photos, counts and something to book.
    const std::string token(login.json().at("access_token").as_string());
    const auto feed = get(server.port(), "/api/v1/feed?tab=for_you", bearer(token));
    ASSERT_EQ(feed.status, 200) << feed.body;
    const auto feed_json = feed.json();
    const auto& first_page = feed_json.at("items").as_array();
    EXPECT_EQ(first_page.size(), 20u);
    int bookable = 0;
    for (const auto& post : first_page) {
        EXPECT_FALSE(post.at("media").as_array().empty()) << boost::json::serialize(post);
        if (post.at("service").is_object()) ++bookable;
    }
    EXPECT_GT(bookable, 0);
    const auto following = get(server.port(), "/api/v1/feed?tab=following", bearer(token));
    ASSERT_EQ(following.status, 200) << following.body;
    EXPECT_FALSE(following.json().at("items").as_array().empty());
    const auto nearby = get(server.port(), "/api/v1/masters?lat=55.7558&lon=37.6173&radius_km=30&limit=100").json();
    EXPECT_EQ(nearby.at("items").as_array().size(), 50u);
    for (const auto& card : nearby.at("items").as_array()) {
        EXPECT_TRUE(card.at("cover_url").is_string()) << boost::json::serialize(card);
    }
    const std::string cover(nearby.at("items").as_array()[0].at("cover_url").as_string());
    EXPECT_EQ(get(server.port(), cover).header("Content-Type"), "image/webp") << cover;
    const std::string master_id(nearby.at("items").as_array()[0].at("id").as_string());
    const auto portfolio = get(server.port(), "/api/v1/masters/" + master_id + "/portfolio");
    ASSERT_EQ(portfolio.status, 200) << portfolio.body;
    const auto listed = portfolio.json();
    const auto& items = listed.at("items").as_array();
    ASSERT_GE(items.size(), 3u);
    for (const auto& item : items) {
        const std::string thumb(item.at("media").at("variants").at("thumb").at("url").as_string());
        const auto file = get(server.port(), thumb);
        EXPECT_EQ(file.status, 200) << thumb;
        EXPECT_EQ(file.header("Content-Type"), "image/webp") << thumb;
    }
    const auto profile = get(server.port(), "/api/v1/masters/" + master_id).json();
    const std::string service_id(profile.at("services").as_array()[0].at("id").as_string());
    auto date_in = [](int days) {
        const std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                                            std::chrono::days(days)};
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                      static_cast<unsigned>(d.day()));
        return std::string(text);
    };
    const auto slots = get(server.port(), "/api/v1/masters/" + master_id + "/slots?service_id=" + service_id +
                                              "&from=" + date_in(1) + "&to=" + date_in(7));
    ASSERT_EQ(slots.status, 200) << slots.body;
    EXPECT_GT(slots.json().at("items").as_array().size(), 20u);
}

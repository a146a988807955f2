#include "app/demo_seed.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>
#include <vector>

#include "app/demo_photos.hpp"
#include "app/demo_texts.hpp"
#include "core/log.hpp"
#include "db/pool.hpp"
#include "demo_data.hpp"
#include "infra/blocking.hpp"
#include "infra/images/image_pipeline.hpp"
#include "infra/redis.hpp"
#include "modules/auth/password.hpp"
#include "modules/categories/module.hpp"
#include "modules/masters/module.hpp"
#include "modules/media/module.hpp"
#include "modules/portfolio/module.hpp"
#include "modules/posts/module.hpp"
#include "modules/services/module.hpp"
#include "modules/users/repository.hpp"

namespace service::demo {
namespace {

constexpr db::Statement kSetSetting{"demo.set_setting", "SELECT set_config($1, $2, false)"};

/// Runs one of the demo SQL files on a connection of its own, with session settings it reads
/// through current_setting() (the files take no parameters: they are scripts).
net::awaitable<void> run_script(std::string conninfo, std::vector<std::pair<std::string, std::string>> settings,
                                std::string_view script) {
    db::Connection conn(co_await net::this_coro::executor);
    co_await conn.connect(conninfo, std::chrono::seconds(10));
    for (auto& [name, value] : settings) co_await conn.query(kSetSetting, db::Params(name, value));
    co_await conn.execute(script);
}

int run_script_sync(const std::string& conninfo, std::vector<std::pair<std::string, std::string>> settings,
                    std::string_view script, const char* what) {
    net::io_context ioc;
    int code = 0;
    net::co_spawn(ioc, run_script(conninfo, std::move(settings), script), [&code, what](std::exception_ptr e) {
        if (!e) return;
        core::log::error(what, {{"error", core::log::describe(e)}});
        code = 1;
    });
    ioc.run();
    return code;
}

// A demo master as the portfolio and the posts need them.
struct DemoMaster {
    int number = 0;  // NN of masterNN@demo.service
    std::string user_id;
    std::string master_id;
    std::string category;                  // the slug of their parent category: it picks the pictures
    std::string category_id;               // and its id
    std::vector<std::string> service_ids;  // their services in that category
};

// Photos per post, by (master + post) % 10: mostly one, some two, now and then three; 195 for
// the 150 posts. Every photo costs CPU time at seed-demo (drawing, then six encodes).
constexpr int kPhotosPerPost[] = {1, 2, 1, 1, 1, 1, 3, 1, 1, 1};
constexpr int kPostsPerMaster = 3;

/// Nobody listens while the demo is seeded: the counts' live updates go nowhere.
class Silent final : public realtime::Publisher {
  public:
    void to_user(std::string_view, std::string_view, const boost::json::value&) override {}
};

/// Gives every demo master without a portfolio 3–4 photos drawn for their category and every
/// one without posts three posts with 1–3 photos, the way a master's own are made: photos
/// imported by the media module, added by the portfolio module, published by the posts module
/// (so all their rules apply). Members run on one single-threaded io_context: no locks.
class DemoContent {
  public:
    DemoContent(db::Pool& pool, const users::Repository& accounts, masters::Service& masters, media::Service& media,
                portfolio::Service& portfolio, posts::Service& posts, infra::BlockingPool& cpu)
        : pool_(pool),
          accounts_(accounts),
          masters_(masters),
          media_(media),
          portfolio_(portfolio),
          posts_(posts),
          cpu_(cpu) {}

    /// The demo masters are master01@… to masterNN@demo.service (server/demo/demo_data.sql).
    net::awaitable<void> find_masters() {
        for (int number = 1;; ++number) {
            char email[32];
            std::snprintf(email, sizeof email, "master%02d@demo.service", number);
            const std::string address(email);
            const auto account = co_await accounts_.find_credentials(pool_, address);
            if (!account) break;
            const auto view = co_await masters_.me(account->user_id);
            DemoMaster master{number, account->user_id, view.profile.id, "", "", {}};
            std::vector<std::string> categories;
            for (const auto& c : view.profile.categories.as_array()) {
                const auto& category = c.as_object();
                categories.emplace_back(category.at("id").as_string());
                if (category.at("parent_id").is_null()) {
                    master.category = category.at("slug").as_string();
                    master.category_id = category.at("id").as_string();
                }
            }
            for (const auto& s : view.services) {
                if (std::find(categories.begin(), categories.end(), s.category_id) != categories.end())
                    master.service_ids.push_back(s.id);
            }
            masters_found_.push_back(std::move(master));
        }
    }

    /// One importer: takes the next master until none is left or another importer failed.
    net::awaitable<void> import() {
        while (!failed_ && next_ < masters_found_.size()) {
            const DemoMaster master = masters_found_[next_++];
            try {
                co_await portfolio_for(master);
                co_await posts_for(master);
            } catch (...) {
                failed_ = true;
                throw;
            }
        }
    }

    int photos() const { return photos_; }
    int post_photos() const { return post_photos_; }
    const std::vector<std::string>& new_posts() const { return new_posts_; }
    int portfolios_skipped() const { return portfolios_skipped_; }
    int posts_skipped() const { return posts_skipped_; }
    std::size_t masters() const { return masters_found_.size(); }

  private:
    net::awaitable<void> portfolio_for(DemoMaster master) {
        const auto existing = co_await portfolio_.list(master.master_id);
        if (!existing.empty()) {
            ++portfolios_skipped_;  // seeded before (or edited since): leave it as it is
            co_return;
        }
        const int count = 3 + master.number % 2;
        for (int i = 0; i < count; ++i) {
            auto draw = [category = master.category, number = master.number, i] {
                return portfolio_photo(category, number, i);
            };
            auto jpeg = co_await cpu_.run(std::move(draw));
            const auto photo =
                co_await media_.import_photo(master.user_id, media::Purpose::kPortfolio, std::move(jpeg));
            portfolio::AddInput input;
            input.media_id = photo.id;
            input.caption = portfolio_caption(master.category, master.number, i);
            if (!master.service_ids.empty())
                input.service_id = master.service_ids[std::size_t(i) % master.service_ids.size()];
            co_await portfolio_.add(master.user_id, master.master_id, std::move(input));
            ++photos_;
        }
    }

    net::awaitable<void> posts_for(DemoMaster master) {
        core::PageRequest first;
        first.limit = 1;
        const auto existing = co_await posts_.list_by_user(master.user_id, master.user_id, first);
        if (!existing.items.empty()) {
            ++posts_skipped_;  // has posts (seeded before, or their own): leave them
            co_return;
        }
        for (int post = 0; post < kPostsPerMaster; ++post) {
            posts::NewPost input;
            input.text = post_text(master.category, master.number, post);
            const int count = kPhotosPerPost[std::size_t(master.number + post) % std::size(kPhotosPerPost)];
            for (int i = 0; i < count; ++i) {
                auto draw = [category = master.category, number = master.number, post, i] {
                    return post_photo(category, number, post, i);
                };
                auto jpeg = co_await cpu_.run(std::move(draw));
                const auto photo = co_await media_.import_photo(master.user_id, media::Purpose::kPost, std::move(jpeg));
                input.media_ids.push_back(photo.id);
                ++post_photos_;
            }
            // Two of three posts offer the service they show ("Записаться" under the post).
            if (post < 2 && !master.service_ids.empty()) {
                input.service_id = master.service_ids[std::size_t(post) % master.service_ids.size()];
            } else if (!master.category_id.empty()) {
                input.category_id = master.category_id;
            }
            const std::string role = "master";
            const auto created = co_await posts_.create(master.user_id, role, std::move(input));
            new_posts_.emplace_back(created.at("id").as_string());
        }
    }

    db::Pool& pool_;
    const users::Repository& accounts_;
    masters::Service& masters_;
    media::Service& media_;
    portfolio::Service& portfolio_;
    posts::Service& posts_;
    infra::BlockingPool& cpu_;
    std::vector<DemoMaster> masters_found_;
    std::size_t next_ = 0;
    bool failed_ = false;
    int photos_ = 0;
    int post_photos_ = 0;
    std::vector<std::string> new_posts_;
    int portfolios_skipped_ = 0;
    int posts_skipped_ = 0;
};

/// The portfolios and posts, through the modules that own photos, portfolios and posts: only
/// those (and what their constructors need) are built, with no HTTP server; Redis is never
/// connected to (nobody watches live counts). Returns the exit code and the posts it created.
std::pair<int, std::vector<std::string>> seed_content(const core::Config& config, const std::string& conninfo,
                                                      infra::storage::Storage& storage, const core::Clock& clock) {
    const auto redis_url = infra::parse_redis_url(config.redis_url);
    if (!redis_url) {
        core::log::error("demo content: REDIS_URL is not a valid redis:// URL");
        return {1, {}};
    }
    infra::images::init();
    net::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::PoolOptions{conninfo, 4});
    pool.set_ready(true);
    infra::BlockingPool blocking(2);
    infra::RedisClient redis(ioc, *redis_url);
    Silent silent;
    const users::Repository accounts;
    categories::Module catalogue(pool);
    media::Module photos(pool, storage, blocking, clock, config);
    services::Module price_lists(pool, catalogue.service);
    masters::Module profiles(pool, price_lists.price_list, catalogue.service, photos.service);
    portfolio::Module portfolios(pool, photos.service, price_lists.price_list);
    posts::Module posting(pool, photos.service, catalogue.service, redis, silent);
    DemoContent demo(pool, accounts, profiles.service, photos.service, portfolios.service, posting.service, blocking);

    int code = 0;
    const auto on_done = [&code](std::exception_ptr e) {
        if (!e) return;
        core::log::error("demo portfolios and posts failed", {{"error", core::log::describe(e)}});
        code = 1;
    };
    net::co_spawn(ioc, demo.find_masters(), on_done);
    ioc.run();
    if (code != 0) return {code, {}};
    // Three at a time: each photo is CPU work (drawing it, then six encodes) between short waits
    // for the database and the store; on two cores a third importer fills those waits.
    ioc.restart();
    for (int i = 0; i < 3; ++i) net::co_spawn(ioc, demo.import(), on_done);
    ioc.run();
    core::log::info("demo portfolios and posts ready", {{"masters", static_cast<int>(demo.masters())},
                                                        {"portfolio_photos_added", demo.photos()},
                                                        {"portfolios_skipped", demo.portfolios_skipped()},
                                                        {"posts_added", static_cast<int>(demo.new_posts().size())},
                                                        {"post_photos_added", demo.post_photos()},
                                                        {"masters_with_posts_skipped", demo.posts_skipped()}});
    // The posts created before a failure still get their dates and interactions.
    return {code, demo.new_posts()};
}

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ',';
        out += id;
    }
    return out;
}

}  // namespace

int seed(const core::Config& config, std::string conninfo, infra::storage::Storage& storage, const core::Clock& clock) {
    // Every demo account shares one password, so one bcrypt hash serves them all.
    const auto hash = auth::hash_password("demo-pass-123", config.bcrypt_cost);
    if (run_script_sync(conninfo, {{"demo.password_hash", hash}}, kDemoData, "demo data failed") != 0) return 1;
    core::log::info("demo data ready");
    auto [code, new_posts] = seed_content(config, conninfo, storage, clock);
    // demo_social.sql spreads the posts created now over the last days (only those: a second
    // run moves nothing) and adds what is missing of the social graph and the interactions.
    std::vector<std::pair<std::string, std::string>> settings{{"demo.password_hash", hash},
                                                              {"demo.new_posts", joined(new_posts)}};
    if (run_script_sync(conninfo, std::move(settings), kDemoSocial, "demo social data failed") != 0) return 1;
    core::log::info("demo social data ready", {{"posts_dated", static_cast<int>(new_posts.size())}});
    return code;
}

}  // namespace service::demo

#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/pool.hpp"
#include "modules/masters/service.hpp"
#include "modules/posts/service.hpp"
#include "modules/search/query.hpp"
#include "modules/search/repository.hpp"
#include "modules/search/suggestions.hpp"

namespace service::search {

/// One search over masters, services and posts (docs/search.md): the query read as typed, on
/// the other layout and transliterated, with typo corrections from the vocabulary, synonyms,
/// filters with facets, and hits rendered by the modules that own them.
class Service {
  public:
    Service(db::Pool& pool, const Repository& repository, masters::Service& masters, posts::Service& posts,
            const core::Clock& clock)
        : pool_(pool), repository_(repository), masters_(masters), posts_(posts), clock_(clock) {}

    /// {items, facets, total_estimate, corrected_query, next_cursor}.
    net::awaitable<boost::json::object> search(Request request);
    /// {items: [{kind, text, id?}]} for what is being typed.
    net::awaitable<boost::json::object> suggest(std::string q);

  private:
    /// One search statement in a read-only transaction under the statement timeout.
    net::awaitable<Hits> run(const ParsedQuery& query, const Request& request);
    /// The vocabulary with the words indexed until about a second ago.
    net::awaitable<std::shared_ptr<const Vocabulary>> vocabulary();
    /// The suggestion sources as of at most a few seconds ago.
    net::awaitable<std::shared_ptr<const Suggestions>> suggestions();

    db::Pool& pool_;
    const Repository& repository_;
    masters::Service& masters_;
    posts::Service& posts_;
    const core::Clock& clock_;

    std::mutex mutex_;  // guards the members below
    std::shared_ptr<const Vocabulary> vocabulary_ = std::make_shared<Vocabulary>();
    std::int64_t last_word_id_ = 0;
    std::chrono::steady_clock::time_point checked_{};
    bool refreshing_ = false;
    std::shared_ptr<const Suggestions> suggestions_;
    std::chrono::steady_clock::time_point suggestions_loaded_{};
    bool suggestions_refreshing_ = false;
};

/// How long one search may run before it answers 503 (a guard against pathological input).
inline constexpr int kStatementTimeoutMs = 2000;

}  // namespace service::search

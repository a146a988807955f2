#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "db/pool.hpp"
#include "modules/search/query.hpp"
#include "modules/services/repository.hpp"

namespace service::search {

enum class Type { kMasters, kServices, kPosts };
enum class Sort { kRelevance, kDistance, kRating, kPrice, kRecent };

/// A search as the routes validated it.
struct Request {
    std::string q;
    Type type = Type::kMasters;
    Sort sort = Sort::kRelevance;
    std::optional<double> lat;
    std::optional<double> lon;
    std::optional<double> radius_m;
    std::optional<std::string> category_id;
    std::optional<std::int64_t> price_min;
    std::optional<std::int64_t> price_max;
    std::optional<double> min_rating;
    /// The free-slot filter: days after the master's today (0 today, 1 tomorrow), or a date.
    std::optional<int> available_in_days;
    std::optional<std::string> available_on;
    core::PageRequest page;
    std::optional<std::string> viewer;
};

struct Hit {
    std::string id;
    std::optional<double> distance_m;
    std::optional<std::int64_t> price_minor;  // masters: the lowest matching price
    std::string highlight;
    std::optional<services::Service> service;  // service hits
    /// The first free slot that day (UTC RFC 3339 and the master's local time), with `available`.
    std::optional<std::string> slot_start_at;
    std::optional<std::string> slot_local_start;
};

struct Hits {
    boost::json::value categories;
    boost::json::value price;
    boost::json::value rating;
    std::int64_t total = 0;
    std::int64_t exact_total = 0;  // how many matched the words as typed
    std::vector<Hit> items;
    std::optional<core::PageCursor> next;
};

struct Suggestion {
    std::string kind;
    std::string text;
    std::optional<std::string> id;
};

/// One thing suggestions are made from: kind (category, service, master, query), the text
/// shown, the id (categories, masters) and further text it is found by (a category's English
/// name).
struct SuggestionSource {
    std::string kind;
    std::string text;
    std::optional<std::string> id;
    std::string also;
};

/// The search documents (kept by the triggers of migration 0021), their vocabulary and the
/// synonyms. Reads masters, master_services, posts, users, blocked_users and categories, and
/// calls the bookings module's booking_slots() for the free-slot filter.
class Repository {
  public:
    /// `now` is the application's (the free-slot filter's "today" and notice period).
    net::awaitable<Hits> search(db::Executor& db, const ParsedQuery& query, Request request, core::TimePoint now) const;
    /// (id, word) of the vocabulary after `after_id`.
    net::awaitable<std::vector<std::pair<std::int64_t, std::string>>> new_words(db::Executor& db,
                                                                                std::int64_t after_id) const;
    /// Everything suggestions are made from (categories, distinct service names, masters who
    /// are not banned, indexed words of three letters or more).
    net::awaitable<std::vector<SuggestionSource>> suggestion_sources(db::Executor& db) const;
};

}  // namespace service::search

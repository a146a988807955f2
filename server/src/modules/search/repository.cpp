#include "modules/search/repository.hpp"

#include <boost/json/parse.hpp>

#include "db/keyset.hpp"
#include "search_sql.hpp"

namespace service::search {
namespace {

std::string_view sort_name(Sort sort) {
    switch (sort) {
        case Sort::kDistance:
            return "distance";
        case Sort::kRating:
            return "rating";
        case Sort::kPrice:
            return "price";
        case Sort::kRecent:
            return "recent";
        case Sort::kRelevance:
            break;
    }
    return "relevance";
}

}  // namespace

net::awaitable<Hits> Repository::search(db::Executor& db, const ParsedQuery& query, Request r,
                                        core::TimePoint now) const {
    std::vector<std::string> words, readings, positions, kinds, prefixes;
    for (const auto& a : query.alternatives) {
        words.push_back(a.word);
        readings.push_back(std::to_string(a.reading));
        positions.push_back(std::to_string(a.position));
        kinds.push_back(std::to_string(static_cast<int>(a.kind)));
        prefixes.push_back(a.prefix ? "t" : "f");
    }
    db::Params p(words, readings, positions, kinds, prefixes, query.browse, r.lat, r.lon, r.radius_m, r.category_id,
                 r.viewer);
    const db::Statement* statement = &sql::kSearchPosts;
    if (r.type != Type::kPosts) {
        statement = r.type == Type::kMasters ? &sql::kSearchMasters : &sql::kSearchServices;
        p.add(r.price_min);
        p.add(r.price_max);
        p.add(r.min_rating);
    }
    p.add(std::string(sort_name(r.sort)));
    db::add_page(p, r.page);
    if (r.type != Type::kPosts) {
        p.add(r.available_in_days);
        p.add(r.available_on);
        p.add(core::to_timestamptz(now));
    }
    const auto rows = co_await db.query(*statement, std::move(p));

    Hits out;
    const auto head = rows[0];
    out.categories = boost::json::parse(head.text(0));
    out.price = boost::json::parse(head.text(1));
    out.rating = boost::json::parse(head.text(2));
    out.total = head.get<std::int64_t>(3);
    out.exact_total = head.get<std::int64_t>(4);
    const int found = head.is_null(5) ? 0 : rows.size();
    const int shown = std::min(found, r.page.limit);
    for (int i = 0; i < shown; ++i) {
        const auto row = rows[i];
        Hit hit{.id = row.get<std::string>(5),
                .distance_m = row.get<std::optional<double>>(7),
                .price_minor = row.get<std::optional<std::int64_t>>(8),
                .highlight = row.get<std::string>(9)};
        if (r.type != Type::kPosts) {
            const int at = r.type == Type::kMasters ? 10 : 16;
            hit.slot_start_at = row.get<std::optional<std::string>>(at);
            hit.slot_local_start = row.get<std::optional<std::string>>(at + 1);
        }
        if (r.type == Type::kServices) {
            hit.service = services::Service{.id = hit.id,
                                            .name = row.get<std::string>(11),
                                            .description = row.get<std::string>(12),
                                            .category_id = row.get<std::string>(13),
                                            .price_minor = row.get<std::int64_t>(8),
                                            .currency = row.get<std::string>(14),
                                            .duration_min = row.get<int>(15),
                                            .active = true,
                                            .master_id = row.get<std::string>(10)};
        }
        out.items.push_back(std::move(hit));
    }
    if (found > r.page.limit) {
        const auto last = rows[shown - 1];
        out.next = core::PageCursor{last.get<std::string>(6), last.get<std::string>(5)};
    }
    co_return out;
}

net::awaitable<std::vector<std::pair<std::int64_t, std::string>>> Repository::new_words(db::Executor& db,
                                                                                        std::int64_t after_id) const {
    const auto rows = co_await db.query(sql::kNewWords, db::Params(after_id, 100'000));
    std::vector<std::pair<std::int64_t, std::string>> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.emplace_back(rows[i].get<std::int64_t>(0), rows[i].get<std::string>(1));
    co_return out;
}

net::awaitable<std::vector<SuggestionSource>> Repository::suggestion_sources(db::Executor& db) const {
    const auto rows = co_await db.query(sql::kSuggestionSources, db::Params());
    std::vector<SuggestionSource> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i)
        out.push_back({rows[i].get<std::string>(0), rows[i].get<std::string>(1),
                       rows[i].get<std::optional<std::string>>(2), rows[i].get<std::string>(3)});
    co_return out;
}

}  // namespace service::search

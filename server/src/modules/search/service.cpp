#include "modules/search/service.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/pagination.hpp"
#include "modules/search/text.hpp"

namespace service::search {
namespace {

constexpr auto kVocabularyRefresh = std::chrono::seconds(1);
// Suggestions may lag the catalogue by this much (a renamed master, a new service name); the
// search itself never lags.
constexpr auto kSuggestionsRefresh = std::chrono::seconds(5);
constexpr int kSuggestions = 8;

// The master a master or service hit shows.
const std::string& master_of(const Hit& h) { return h.service ? h.service->master_id : h.id; }

}  // namespace

net::awaitable<std::shared_ptr<const Vocabulary>> Service::vocabulary() {
    std::int64_t after = 0;
    {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (refreshing_ || now - checked_ < kVocabularyRefresh) co_return vocabulary_;
        refreshing_ = true;
        checked_ = now;
        after = last_word_id_;
    }
    std::vector<std::pair<std::int64_t, std::string>> rows;
    try {
        rows = co_await repository_.new_words(pool_, after);
    } catch (...) {
        std::lock_guard lock(mutex_);
        refreshing_ = false;
        throw;
    }
    std::lock_guard lock(mutex_);
    refreshing_ = false;
    if (!rows.empty()) {
        // Copied, not changed in place: requests still reading the old one keep it whole.
        auto next = std::make_shared<Vocabulary>(*vocabulary_);
        for (const auto& [id, word] : rows) next->add(word);
        last_word_id_ = rows.back().first;
        if (rows.size() == 100'000) checked_ = {};  // more to come: the next request loads on
        vocabulary_ = std::move(next);
    }
    co_return vocabulary_;
}

net::awaitable<Hits> Service::run(const ParsedQuery& query, const Request& request) {
    if (query.nothing) {
        Hits none;
        none.categories = boost::json::array{};
        none.price = boost::json::array{};
        none.rating = boost::json::array{};
        co_return none;
    }
    auto tx = co_await db::Transaction::begin(
        pool_, "BEGIN READ ONLY; SET LOCAL statement_timeout = " + std::to_string(kStatementTimeoutMs));
    auto hits = co_await repository_.search(tx, query, request, clock_.now());
    co_await tx.commit();
    co_return hits;
}

net::awaitable<boost::json::object> Service::search(Request request) {
    const auto words = co_await vocabulary();
    const auto query = parse_query(request.q, *words);
    // An empty query browses: by distance from a point, else by rating.
    if (query.browse && request.sort == Sort::kRelevance && request.type != Type::kPosts)
        request.sort = request.lat ? Sort::kDistance : Sort::kRating;

    auto hits = co_await run(query, request);
    auto correction = hits.exact_total == 0 && hits.total > 0 ? query.correction : std::nullopt;
    // Nothing for the whole query: leave out the words no document has ("маникюр недорого").
    if (hits.total == 0 && !query.browse && !query.nothing) {
        if (auto known = known_words_only(request.q, *words)) {
            const auto shorter = parse_query(*known, *words);
            auto found = co_await run(shorter, request);
            if (found.total > 0) {
                correction = found.exact_total == 0 && shorter.correction ? shorter.correction : known;
                hits = std::move(found);
            }
        }
    }

    boost::json::array items;
    if (request.type == Type::kPosts) {
        std::vector<posts::Entry> entries;
        for (const auto& h : hits.items) entries.push_back({h.id, std::nullopt});
        std::unordered_map<std::string, const Hit*> by_id;
        for (const auto& h : hits.items) by_id.emplace(h.id, &h);
        for (auto& post : co_await posts_.render(request.viewer, std::move(entries))) {
            const auto it = by_id.find(std::string(post.at("id").as_string()));
            if (it != by_id.end()) post["highlight"] = it->second->highlight;
            items.push_back(std::move(post));
        }
    } else {
        std::vector<std::string> ids;
        for (const auto& h : hits.items)
            if (std::find(ids.begin(), ids.end(), master_of(h)) == ids.end()) ids.push_back(master_of(h));
        const auto cards = co_await masters_.cards(ids, request.viewer);
        std::unordered_map<std::string, const masters::Card*> by_master;
        for (const auto& c : cards) by_master.emplace(c.id, &c);
        for (const auto& h : hits.items) {
            const auto it = by_master.find(master_of(h));
            if (it == by_master.end()) continue;  // gone since the search ran
            auto card = *it->second;
            card.distance_m = h.distance_m;
            // With `available`, the first free slot that day; null without the filter.
            boost::json::value slot = nullptr;
            if (h.slot_start_at)
                slot = boost::json::object{{"start_at", *h.slot_start_at},
                                           {"local_start", h.slot_local_start.value_or("")}};
            if (request.type == Type::kMasters) {
                card.min_price_minor = h.price_minor;
                auto json = masters::to_json(card);
                json["highlight"] = h.highlight;
                json["next_free_slot"] = std::move(slot);
                items.push_back(std::move(json));
            } else {
                auto json = services::to_json(*h.service);
                json["master"] = masters::to_json(card);
                json["highlight"] = h.highlight;
                json["next_free_slot"] = std::move(slot);
                items.push_back(std::move(json));
            }
        }
    }

    co_return boost::json::object{
        {"items", std::move(items)},
        {"facets", boost::json::object{{"categories", std::move(hits.categories)},
                                       {"price", std::move(hits.price)},
                                       {"rating", std::move(hits.rating)}}},
        {"total_estimate", hits.total},
        {"corrected_query", correction ? boost::json::value(*correction) : boost::json::value(nullptr)},
        {"next_cursor", core::cursor_json(hits.next)}};
}

net::awaitable<std::shared_ptr<const Suggestions>> Service::suggestions() {
    {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (suggestions_ && (suggestions_refreshing_ || now - suggestions_loaded_ < kSuggestionsRefresh))
            co_return suggestions_;
        suggestions_refreshing_ = true;
    }
    std::shared_ptr<const Suggestions> next;
    try {
        next = std::make_shared<const Suggestions>(co_await repository_.suggestion_sources(pool_));
    } catch (...) {
        std::lock_guard lock(mutex_);
        suggestions_refreshing_ = false;
        if (!suggestions_) throw;
        co_return suggestions_;  // the last good one, until the database answers again
    }
    std::lock_guard lock(mutex_);
    suggestions_refreshing_ = false;
    suggestions_loaded_ = std::chrono::steady_clock::now();
    suggestions_ = std::move(next);
    co_return suggestions_;
}

net::awaitable<boost::json::object> Service::suggest(std::string q) {
    const auto words = co_await vocabulary();
    const auto index = co_await suggestions();
    const auto typed_text = text::decode(q);
    const auto typed = text::words(typed_text);
    auto joined = [](const std::vector<std::u32string>& ws) {
        std::u32string out;
        for (const auto& w : ws) {
            if (!out.empty()) out.push_back(U' ');
            out += w;
        }
        return out;
    };
    boost::json::array items;
    if (!typed.empty()) {
        std::vector<std::u32string> prefixes{joined(typed)};
        auto corrections = words->near(typed.back(), true, 4);
        if (text::has_latin(typed_text)) {
            // What was typed on the other layout ("vfyb" → "мани") and spelled in Latin letters.
            const auto layout = text::words(text::qwerty_to_russian(typed_text));
            std::vector<std::u32string> spelled;
            for (const auto& w : typed) spelled.push_back(text::has_latin(w) ? text::transliterate(w) : w);
            for (const auto& reading : {layout, spelled}) {
                if (reading.empty()) continue;
                prefixes.push_back(joined(reading));
                for (auto& w : words->near(reading.back(), true, 2)) corrections.push_back(std::move(w));
            }
        }
        for (const auto& s : index->find(prefixes, corrections, kSuggestions)) {
            boost::json::object item;
            item["kind"] = s.kind;
            item["text"] = s.text;
            if (s.id) item["id"] = *s.id;
            items.push_back(std::move(item));
        }
    }
    co_return boost::json::object{{"items", std::move(items)}};
}

}  // namespace service::search

// Search against the real server and database: words as typed, with typos, on the wrong
// layout and transliterated, synonyms, filters with facets, highlighting, paging, the index
// following every write at once, blocks and bans, suggestions and bad input. Every test
// searches for words it made up itself, so other suites' data never matches.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "support/dates.hpp"
#include "support/marketplace.hpp"
#include "support/media_client.hpp"
#include "support/server_process.hpp"
#include "support/test_env.hpp"
#include "support/test_images.hpp"

using namespace service;
using namespace service::testing;
using boost::json::array;
using boost::json::object;

namespace {

std::string text_of(const boost::json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

// Letters whose Latin spelling is one letter each way (transliterate() reads them back).
const std::vector<std::pair<std::string, std::string>> kLetters{
    {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"з", "z"}, {"к", "k"}, {"л", "l"},
    {"м", "m"}, {"н", "n"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"ф", "f"}};
const std::vector<std::pair<std::string, std::string>> kVowels{{"а", "a"}, {"о", "o"}, {"у", "u"}, {"и", "i"}};

/// A made-up Russian word of 8 letters (consonant, vowel, …) and its Latin spelling.
struct Word {
    std::string ru;
    std::string latin;
    std::vector<std::string> letters;
};

Word made_up_word() {
    static std::mt19937 rng(std::random_device{}());
    Word w;
    for (int i = 0; i < 8; ++i) {
        const auto& set = i % 2 == 0 ? kLetters : kVowels;
        const auto& [ru, latin] = set[std::uniform_int_distribution<std::size_t>(0, set.size() - 1)(rng)];
        w.ru += ru;
        w.latin += latin;
        w.letters.push_back(ru);
    }
    return w;
}

/// The word with the pairs (i, i + 1) of `at` swapped.
std::string with_swaps(const Word& w, std::initializer_list<std::size_t> at) {
    auto letters = w.letters;
    for (const auto i : at) std::swap(letters[i], letters[i + 1]);
    std::string out;
    for (const auto& l : letters) out += l;
    return out;
}

/// The Russian word as typed on a qwerty layout.
std::string on_qwerty(const Word& w) {
    static const std::map<std::string, std::string> keys{
        {"б", ","}, {"в", "d"}, {"г", "u"}, {"д", "l"}, {"з", "p"}, {"к", "r"}, {"л", "k"}, {"м", "v"}, {"н", "y"},
        {"п", "g"}, {"р", "h"}, {"с", "c"}, {"т", "n"}, {"ф", "a"}, {"а", "f"}, {"о", "j"}, {"у", "e"}, {"и", "b"}};
    std::string out;
    for (const auto& l : w.letters) out += keys.at(l);
    return out;
}

std::vector<std::string> names_of(const boost::json::value& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array()) {
        const auto& o = item.as_object();
        out.push_back(text_of(item, o.contains("name") ? "name" : "display_name"));
    }
    return out;
}

std::vector<std::string> ids_of(const boost::json::value& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("items").as_array()) out.push_back(text_of(item, "id"));
    return out;
}

}  // namespace

class SearchIT : public SharedServerTest<SearchIT> {
  protected:
    static HttpResult search_as(const Account* who, const std::string& query) {
        const std::string target = "/api/v1/search?" + query;
        return who ? call_as(port(), *who, http::verb::get, target) : http_request(port(), http::verb::get, target);
    }
    /// GET /search with q (encoded) and further parameters; asserts 200.
    static boost::json::value search(const std::string& q, const std::string& more = "", const Account* who = nullptr) {
        const auto res = search_as(who, "q=" + url_encode(q) + (more.empty() ? "" : "&" + more));
        EXPECT_EQ(res.status, 200) << q << " " << more << ": " << res.body;
        return res.status == 200 ? res.json() : boost::json::value(object{{"items", array{}}});
    }
    static std::string category(const std::string& slug) {
        return query_value("SELECT id FROM categories WHERE slug = '" + slug + "'");
    }
    /// A master named `name` at (lat, lon) in `category`, with no services yet.
    static Master master(const std::string& name, double lat = 55.76, double lon = 37.61,
                         const std::string& category_slug = "manicure", const object& rules = {}) {
        Master m;
        m.account = register_account(port(), "master");
        object profile{
            {"display_name", name}, {"category_ids", array{category(category_slug)}}, {"address", "Tverskaya 1"},
            {"city", "Москва"},     {"location", object{{"lat", lat}, {"lon", lon}}}, {"timezone", "Europe/Moscow"}};
        if (!rules.empty()) profile["booking_rules"] = rules;
        const auto res = call_as(port(), m.account, http::verb::put, "/api/v1/masters/me", profile);
        EXPECT_EQ(res.status, 201) << res.body;
        m.id = res.status == 201 ? text_of(res.json(), "id") : "";
        return m;
    }
    static std::string add_service(const Master& m, const std::string& name, std::int64_t price = 150000,
                                   const std::string& category_slug = "manicure") {
        const auto res = call_as(port(), m.account, http::verb::post, "/api/v1/masters/me/services",
                                 object{{"name", name},
                                        {"category_id", category(category_slug)},
                                        {"price_minor", price},
                                        {"currency", "RUB"},
                                        {"duration_min", 60}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? text_of(res.json(), "id") : "";
    }
};

TEST_F(SearchIT, FindsWordsAsTypedWithATypoOnTheWrongLayoutAndTransliterated) {
    const auto w = made_up_word();
    const auto m = master("Ёлочка " + w.ru);
    add_service(m, w.ru + " с покрытием");

    const auto exact = search(w.ru, "type=services");
    ASSERT_EQ(names_of(exact), std::vector<std::string>{w.ru + " с покрытием"});
    EXPECT_TRUE(exact.at("corrected_query").is_null());
    EXPECT_EQ(exact.at("total_estimate").as_int64(), 1);
    const auto& item = exact.at("items").as_array()[0];
    EXPECT_EQ(text_of(item.at("master"), "id"), m.id);
    EXPECT_EQ(item.at("price_minor").as_int64(), 150000);

    // Two neighbouring letters swapped: one typo, allowed from 5 letters; shown as corrected.
    const auto typo = search(with_swaps(w, {3}) + " ", "type=services");
    ASSERT_EQ(names_of(typo).size(), 1u) << with_swaps(w, {3});
    EXPECT_EQ(text_of(typo, "corrected_query"), w.ru);
    // The same word on the qwerty layout, and spelled in Latin letters.
    EXPECT_EQ(names_of(search(on_qwerty(w), "type=services")).size(), 1u) << on_qwerty(w);
    EXPECT_EQ(names_of(search(w.latin, "type=services")).size(), 1u) << w.latin;
    // The master's name matches too, upper case and with ё written as е.
    const auto masters = search("ЕЛОЧКА " + w.ru);
    ASSERT_EQ(ids_of(masters), std::vector<std::string>{m.id});
    EXPECT_EQ(masters.at("items").as_array()[0].at("min_price_minor").as_int64(), 150000);

    // A typo in the first letter counts twice: over an 8-letter word's budget of one.
    const auto first_letter = (w.letters[0] == "б" ? std::string("в") : std::string("б")) + w.ru.substr(2);
    EXPECT_TRUE(names_of(search(first_letter + " ", "type=services")).empty()) << first_letter;
    // Two typos in 8 letters is one too many.
    EXPECT_TRUE(names_of(search(with_swaps(w, {1, 5}) + " ", "type=services")).empty());
}

TEST_F(SearchIT, SynonymsWorkBothWaysAndExactMatchesRankFirst) {
    const auto w = made_up_word();
    const auto m = master("Ноготочки " + w.ru);
    add_service(m, w.ru + " ногти");
    add_service(m, w.ru + " маникюр");

    EXPECT_EQ(names_of(search(w.ru + " ногти", "type=services")),
              (std::vector<std::string>{w.ru + " ногти", w.ru + " маникюр"}));
    EXPECT_EQ(names_of(search(w.ru + " маникюр", "type=services")),
              (std::vector<std::string>{w.ru + " маникюр", w.ru + " ногти"}));
    // Stemming: an inflected form finds the word.
    EXPECT_EQ(names_of(search(w.ru + " маникюра", "type=services")).front(), w.ru + " маникюр");
}

TEST_F(SearchIT, FiltersNarrowAndFacetsCountEveryFilterButTheirOwn) {
    const auto w = made_up_word();
    const auto m = master("Салон " + w.ru);
    // (Not "один", "два", "три": Russian stop words, left out of queries and documents.)
    add_service(m, w.ru + " гелем", 50000, "manicure");
    add_service(m, w.ru + " лаком", 150000, "manicure");
    add_service(m, w.ru + " френч", 600000, "pedicure");
    const auto manicure = category("manicure");
    const auto pedicure = category("pedicure");
    const auto nails = category("nails");

    const auto all = search(w.ru, "type=services");
    EXPECT_EQ(all.at("total_estimate").as_int64(), 3);
    const auto only = search(w.ru, "type=services&category_id=" + manicure);
    EXPECT_EQ(only.at("total_estimate").as_int64(), 2);
    // The category facet ignores the chosen category; a parent counts its children.
    std::map<std::string, std::int64_t> counts;
    for (const auto& c : only.at("facets").at("categories").as_array())
        counts[text_of(c, "id")] = c.at("count").as_int64();
    EXPECT_EQ(counts[manicure], 2);
    EXPECT_EQ(counts[pedicure], 1);
    EXPECT_EQ(counts[nails], 3);
    // The price facet counts within the chosen category, in fixed buckets.
    const auto& price = only.at("facets").at("price").as_array();
    ASSERT_EQ(price.size(), 5u);
    EXPECT_EQ(price[0].at("from").as_int64(), 0);
    EXPECT_EQ(price[0].at("to").as_int64(), 100000);
    EXPECT_EQ(price[0].at("count").as_int64(), 1);
    EXPECT_EQ(price[1].at("count").as_int64(), 1);
    EXPECT_TRUE(price[4].at("to").is_null());
    EXPECT_EQ(price[4].at("count").as_int64(), 0);

    EXPECT_EQ(names_of(search(w.ru, "type=services&price_min=100000&price_max=700000&sort=price")),
              (std::vector<std::string>{w.ru + " лаком", w.ru + " френч"}));
    // A master's lowest price is over the services that match.
    const auto card = search(w.ru + " френч").at("items").as_array();
    ASSERT_EQ(card.size(), 1u);
    EXPECT_EQ(card[0].at("min_price_minor").as_int64(), 600000);
    EXPECT_EQ(search(w.ru, "min_rating=4.5").at("total_estimate").as_int64(), 0);  // no reviews yet
}

TEST_F(SearchIT, DistanceSortAndRadiusUseThePoint) {
    const auto w = made_up_word();
    const auto near = master("Рядом " + w.ru, 55.7560, 37.6170);
    const auto farther = master("Дальше " + w.ru, 55.7800, 37.6170);  // ~2.7 km north
    const auto away = master("Далеко " + w.ru, 55.9500, 37.6170);     // ~21 km north

    const auto page = search(w.ru, "lat=55.7558&lon=37.6173&sort=distance");
    EXPECT_EQ(ids_of(page), (std::vector<std::string>{near.id, farther.id}));
    const auto& first = page.at("items").as_array()[0];
    EXPECT_LT(first.at("distance_m").to_number<double>(), 100);
    EXPECT_EQ(ids_of(search(w.ru, "lat=55.7558&lon=37.6173&radius_km=50&sort=distance")).back(), away.id);
    EXPECT_EQ(search(w.ru).at("total_estimate").as_int64(), 3);  // no point: anywhere
}

TEST_F(SearchIT, TheIndexFollowsEveryWriteAtOnce) {
    const auto u = made_up_word();
    const auto w = made_up_word();
    const auto v = made_up_word();
    // The master's own name is another word: a service's document holds its master's name too.
    const auto m = master("Мастер " + u.ru);
    const auto id = add_service(m, "Услуга " + w.ru);
    EXPECT_EQ(ids_of(search(w.ru, "type=services")), std::vector<std::string>{id});

    auto res = call_as(port(), m.account, http::verb::patch, "/api/v1/masters/me/services/" + id,
                       object{{"name", "Услуга " + v.ru}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_TRUE(ids_of(search(w.ru + " ", "type=services")).empty());
    EXPECT_EQ(ids_of(search(v.ru, "type=services")), std::vector<std::string>{id});
    // Found by a typo at once too: the new word reaches the vocabulary within a second.
    eventually([&] { return ids_of(search(with_swaps(v, {2}) + " ", "type=services")).size() == 1; });
    EXPECT_EQ(ids_of(search(with_swaps(v, {2}) + " ", "type=services")), std::vector<std::string>{id});

    res = call_as(port(), m.account, http::verb::delete_, "/api/v1/masters/me/services/" + id);
    ASSERT_EQ(res.status, 204) << res.body;
    EXPECT_TRUE(ids_of(search(v.ru, "type=services")).empty());
    EXPECT_TRUE(ids_of(search(v.ru)).empty());                        // nor does the master's document have it any more
    EXPECT_EQ(ids_of(search(u.ru)), std::vector<std::string>{m.id});  // the master is still there

    // A banned master is found by nobody.
    exec_sql("UPDATE users SET banned_at = now() WHERE id = '" + m.account.id + "'");
    EXPECT_TRUE(ids_of(search(u.ru)).empty());
}

TEST_F(SearchIT, BlocksHideBothWays) {
    const auto w = made_up_word();
    const auto m = master("Блок " + w.ru);
    add_service(m, "Услуга " + w.ru);
    const auto viewer = register_account(port());
    const auto other = register_account(port());

    ASSERT_EQ(call_as(port(), m.account, http::verb::put, "/api/v1/users/" + viewer.id + "/block").status, 204);
    EXPECT_TRUE(ids_of(search(w.ru, "", &viewer)).empty());
    EXPECT_TRUE(ids_of(search(w.ru, "type=services", &viewer)).empty());
    EXPECT_EQ(ids_of(search(w.ru, "", &other)), std::vector<std::string>{m.id});

    ASSERT_EQ(call_as(port(), other, http::verb::put, "/api/v1/users/" + m.account.id + "/block").status, 204);
    EXPECT_TRUE(ids_of(search(w.ru, "", &other)).empty());
    EXPECT_EQ(ids_of(search(w.ru)), std::vector<std::string>{m.id});  // anonymous
}

TEST_F(SearchIT, HighlightMarksMatchedWordsAndEscapesTheRest) {
    const auto w = made_up_word();
    const auto m = master("Мастер " + w.ru);
    add_service(m, "<b>" + w.ru + "</b> & \"маникюр\"");
    const auto items = search(w.ru, "type=services").at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(text_of(items[0], "highlight"), "&lt;b&gt;<mark>" + w.ru + "</mark>&lt;/b&gt; &amp; &quot;маникюр&quot;");
}

TEST_F(SearchIT, PagesNeitherRepeatNorSkip) {
    const auto w = made_up_word();
    const auto m = master("Много " + w.ru);
    std::set<std::string> made;
    for (int i = 0; i < 23; ++i) made.insert(add_service(m, w.ru + " " + std::to_string(i), 100000 + i * 1000));

    for (const std::string sort : {"relevance", "price"}) {
        std::set<std::string> seen;
        std::string cursor;
        int pages = 0;
        do {
            const auto page =
                search(w.ru, "type=services&limit=10&sort=" + sort + (cursor.empty() ? "" : "&cursor=" + cursor));
            EXPECT_EQ(page.at("total_estimate").as_int64(), 23);
            for (const auto& id : ids_of(page)) EXPECT_TRUE(seen.insert(id).second) << "repeated " << id;
            cursor = page.at("next_cursor").is_null() ? "" : text_of(page, "next_cursor");
            ++pages;
        } while (!cursor.empty() && pages < 10);
        EXPECT_EQ(pages, 3) << sort;
        EXPECT_EQ(seen, made) << sort;
    }
}

TEST_F(SearchIT, PostsAreSearchableUntilDeleted) {
    const auto w = made_up_word();
    const auto m = master("Постер " + w.ru);
    const auto photo = media_client::ready_photo(port(), m.account, "post", images::png(48, 32));
    const auto res = call_as(port(), m.account, http::verb::post, "/api/v1/posts",
                             object{{"text", "Сегодня " + w.ru + " и блёстки"}, {"media_ids", array{photo}}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto post = text_of(res.json(), "id");

    const auto found = search(w.ru + " блестки", "type=posts");
    ASSERT_EQ(ids_of(found), std::vector<std::string>{post});
    const auto& item = found.at("items").as_array()[0];
    EXPECT_EQ(text_of(item.at("author"), "id"), m.account.id);
    EXPECT_NE(text_of(item, "highlight").find("<mark>" + w.ru + "</mark>"), std::string::npos);
    EXPECT_EQ(search_as(nullptr, "q=" + url_encode(w.ru) + "&type=posts&price_min=1").status, 422);

    ASSERT_EQ(call_as(port(), m.account, http::verb::delete_, "/api/v1/posts/" + post).status, 204);
    EXPECT_TRUE(ids_of(search(w.ru, "type=posts")).empty());
}

TEST_F(SearchIT, SuggestsFromTheFirstLetters) {
    const auto w = made_up_word();
    const auto m = master("Подсказка " + w.ru);
    add_service(m, w.ru + " классический");
    // Four letters (8 bytes) in; suggestions follow the catalogue within a few seconds.
    HttpResult res;
    std::set<std::string> kinds;
    eventually([&] {
        res = http_request(port(), http::verb::get, "/api/v1/search/suggest?q=" + url_encode(w.ru.substr(0, 8)));
        kinds.clear();
        if (res.status != 200) return false;
        const auto doc = res.json();
        for (const auto& item : doc.at("items").as_array()) {
            if (text_of(item, "text").find(w.ru) != std::string::npos) kinds.insert(text_of(item, "kind"));
        }
        return kinds.contains("service") && kinds.contains("master");
    });
    EXPECT_TRUE(kinds.contains("service")) << res.body;
    EXPECT_TRUE(kinds.contains("master")) << res.body;
    // The same beginning typed on the qwerty layout.
    const auto layout =
        http_request(port(), http::verb::get, "/api/v1/search/suggest?q=" + url_encode(on_qwerty(w).substr(0, 4)));
    ASSERT_EQ(layout.status, 200);
    EXPECT_NE(layout.body.find(w.ru), std::string::npos) << layout.body;
    const auto cats = http_request(port(), http::verb::get, "/api/v1/search/suggest?q=" + url_encode("педи"));
    ASSERT_EQ(cats.status, 200);
    const auto cats_doc = cats.json();
    EXPECT_EQ(text_of(cats_doc.at("items").as_array().at(0), "kind"), "category") << cats.body;
}

TEST_F(SearchIT, FreeOnADayUsesTheSlotRules) {
    const auto w = made_up_word();
    const std::string zone = "Europe/Moscow";
    auto open_every_day = [&](const Master& m) {
        array weekly;
        for (int d = 1; d <= 7; ++d) weekly.push_back(object{{"weekday", d}, {"start", "10:00"}, {"end", "18:00"}});
        const auto res =
            call_as(port(), m.account, http::verb::put, "/api/v1/masters/me/schedule", object{{"weekly", weekly}});
        EXPECT_EQ(res.status, 200) << res.body;
    };
    const auto open = master("Свободен " + w.ru);
    const auto open_service = add_service(open, w.ru + " лаком");
    open_every_day(open);
    const auto closed = master("Без графика " + w.ru);  // no working hours at all
    add_service(closed, w.ru + " лаком");
    const auto busy = master("Один в день " + w.ru, 55.76, 37.61, "manicure", object{{"max_per_day", 1}});
    const auto busy_service = add_service(busy, w.ru + " лаком");
    open_every_day(busy);

    // Counted from the server's today, never a calendar date.
    const auto day = day_from_today(clock(), 3);
    const auto next_day = add_days(day, 1);
    auto ids = [&](const std::string& more) {
        auto found = ids_of(search(w.ru, more));
        std::sort(found.begin(), found.end());
        return found;
    };
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    EXPECT_EQ(ids("available=" + day), sorted({open.id, busy.id}));

    // The first free slot that day is the first of GET /slots for the matching service.
    const auto page = search(w.ru, "available=" + day + "&sort=rating");
    const auto slots = http_request(
        port(), http::verb::get, "/api/v1/masters/" + open.id + "/slots?service_id=" + open_service + "&from=" + day);
    ASSERT_EQ(slots.status, 200) << slots.body;
    const auto slots_doc = slots.json();
    const auto& first = slots_doc.at("items").as_array().at(0);
    for (const auto& item : page.at("items").as_array()) {
        if (text_of(item, "id") != open.id) continue;
        EXPECT_EQ(text_of(item.at("next_free_slot"), "start_at"), text_of(first, "start_at"));
        EXPECT_EQ(text_of(item.at("next_free_slot"), "local_start"), day + "T10:00");
        EXPECT_EQ(text_of(item.at("next_free_slot"), "start_at"), local_to_utc(zone, day, "10:00"));
    }
    EXPECT_TRUE(search(w.ru).at("items").as_array().at(0).at("next_free_slot").is_null());  // no filter, no slot

    // One booking fills the day of a master who takes one a day; the next day is still free.
    const auto client = register_account(port());
    const auto res = call_as(port(), client, http::verb::post, "/api/v1/bookings",
                             object{{"service_id", busy_service}, {"start_at", local_to_utc(zone, day, "12:00")}});
    ASSERT_EQ(res.status, 201) << res.body;
    EXPECT_EQ(ids("available=" + day), std::vector<std::string>{open.id});
    EXPECT_EQ(search(w.ru, "available=" + day).at("total_estimate").as_int64(), 1);
    EXPECT_EQ(ids("available=" + next_day), sorted({open.id, busy.id}));
    EXPECT_EQ(ids("available=" + next_day + "&type=services").size(), 2u);
    const auto services = search(w.ru, "available=" + day + "&type=services");
    ASSERT_EQ(services.at("items").as_array().size(), 1u);
    EXPECT_EQ(text_of(services.at("items").as_array()[0].at("next_free_slot"), "local_start"), day + "T10:00");

    // "tomorrow" in the master's zone: 10:00 tomorrow is always ahead of any minimum notice.
    EXPECT_EQ(ids("available=tomorrow"), sorted({open.id, busy.id}));
    // A day before today has no free slot.
    EXPECT_TRUE(ids("available=" + day_from_today(clock(), -1)).empty());

    EXPECT_EQ(search_as(nullptr, "q=a&available=someday").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&available=" + day.substr(0, 5) + "02-30").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&type=posts&available=today").status, 422);
}

TEST_F(SearchIT, BadInputIsA422AndOperatorsArePlainText) {
    std::string long_q;
    for (int i = 0; i < 200; ++i) long_q += "ж";
    EXPECT_EQ(search_as(nullptr, "q=" + url_encode(long_q)).status, 200);  // 200 letters, 400 bytes
    EXPECT_EQ(search_as(nullptr, "q=" + url_encode(long_q + "ж")).status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&type=people").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&sort=random").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&sort=distance").status, 422);  // no point
    EXPECT_EQ(search_as(nullptr, "q=a&lat=55.7").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&category_id=nails").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&price_min=500&price_max=100").status, 422);
    EXPECT_EQ(search_as(nullptr, "q=a&type=posts&sort=price").status, 422);
    Account bad;
    bad.access_token = "not-a-token";
    EXPECT_EQ(search_as(&bad, "q=a").status, 401);

    for (const std::string q : {"!!!", "'; DROP TABLE users; --", "a & b | !c", "(((", "\\", "маникюр:*", "%_%"}) {
        const auto page = search(q);
        EXPECT_TRUE(page.at("items").is_array()) << q;
    }
    EXPECT_TRUE(search("!!! ---").at("items").as_array().empty());
}

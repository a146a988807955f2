// The feed's pure rules: the parts of the score, author diversity, city centres, cursors.
#include <gtest/gtest.h>

#include <cmath>

#include "modules/feed/ranking.hpp"

using namespace service::feed;

TEST(FeedRules, ScorePartsMatchTheDocumentedFormula) {
    EXPECT_DOUBLE_EQ(geo_part(0.0), 1.0);
    EXPECT_NEAR(geo_part(3000.0), 0.5, 1e-12);
    EXPECT_NEAR(geo_part(6000.0), 0.0625, 1e-12);
    EXPECT_EQ(geo_part(std::nullopt), 0.0);
    EXPECT_DOUBLE_EQ(freshness_part(0), 1.0);
    EXPECT_NEAR(freshness_part(24 * 3600.0), 0.5, 1e-12);
    EXPECT_NEAR(freshness_part(48 * 3600.0), 0.25, 1e-12);
    EXPECT_DOUBLE_EQ(popularity_part(0, 0, 0), 0.0);
    EXPECT_NEAR(popularity_part(9, 0, 0), 0.25, 1e-12);                    // log10(10) / 4
    EXPECT_NEAR(popularity_part(93, 2, 1), std::log10(101.0) / 4, 1e-12);  // 1 + 93 + 2·2 + 3·1
    EXPECT_DOUBLE_EQ(popularity_part(100000, 0, 0), 1.0);                  // capped

    Candidate c;
    c.distance_m = 0;
    c.age_s = 0;
    c.likes = 9999;
    c.subscribed = true;
    c.category_share = 1;
    EXPECT_NEAR(for_you_score(c), 1.0, 1e-9);
    Candidate far;
    far.age_s = 1e9;
    EXPECT_NEAR(for_you_score(far), 0.0, 1e-9);
}

TEST(FeedRules, NearbyFallsWithDistanceAndAge) {
    EXPECT_GT(nearby_score(100, 3600), nearby_score(2000, 3600));
    EXPECT_GT(nearby_score(2000, 3600), nearby_score(20000, 3600));
    EXPECT_GT(nearby_score(2000, 3600), nearby_score(2000, 7 * 24 * 3600));
    EXPECT_NEAR(nearby_score(3000, 0), 0.3 + 0.4, 1e-12);
}

namespace {
std::vector<Ranked> by_authors(const std::string& authors) {
    std::vector<Ranked> out;
    for (std::size_t i = 0; i < authors.size(); ++i) {
        out.push_back(Ranked{std::to_string(i), std::string(1, authors[i]), 1.0 - 0.01 * static_cast<double>(i), 0});
    }
    return out;
}
std::string authors_of(const std::vector<Ranked>& ranked) {
    std::string out;
    for (const auto& r : ranked) out += r.author_id;
    return out;
}
}  // namespace

TEST(FeedRules, DiversityAllowsTwoPostsOfAnAuthorInARow) {
    EXPECT_EQ(authors_of(diversify(by_authors("aaaab"))), "aabaa");
    EXPECT_EQ(authors_of(diversify(by_authors("aaabbbc"))), "aababbc");
    EXPECT_EQ(authors_of(diversify(by_authors("aaaaaabbbcc"))), "aabaabaabcc");
    EXPECT_EQ(authors_of(diversify(by_authors("abab"))), "abab");  // nothing to change
    EXPECT_EQ(authors_of(diversify(by_authors("aaa"))), "aaa");    // nobody else to put between
}

TEST(FeedRules, DiversityKeepsTheRankOtherwise) {
    const auto out = diversify(by_authors("aaabc"));
    ASSERT_EQ(out.size(), 5u);
    EXPECT_EQ(out[0].post_id, "0");
    EXPECT_EQ(out[1].post_id, "1");
    EXPECT_EQ(out[2].post_id, "3");  // the best post of another author moves up
    EXPECT_EQ(out[3].post_id, "2");
    EXPECT_EQ(out[4].post_id, "4");
}

TEST(FeedRules, BestFirstSortsAndCuts) {
    std::vector<Ranked> r{{"x", "a", 0.1, 0}, {"y", "a", 0.9, 0}, {"z", "b", 0.5, 0}};
    const auto out = best_first(r, 2);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].post_id, "y");
    EXPECT_EQ(out[1].post_id, "z");
}

TEST(FeedRules, CityCentresWithMoscowAsTheDefault) {
    const auto moscow = city_centre("");
    EXPECT_NEAR(moscow.lat, 55.7558, 1e-6);
    EXPECT_NEAR(city_centre("Москва").lon, moscow.lon, 1e-9);
    EXPECT_NEAR(city_centre(" КАЗАНЬ ").lat, 55.7961, 1e-6);
    EXPECT_NEAR(city_centre("Санкт-Петербург").lat, 59.9343, 1e-6);
    EXPECT_NEAR(city_centre("Yekaterinburg").lon, 60.6057, 1e-6);
    EXPECT_NEAR(city_centre("Новосибирск").lon, 82.9204, 1e-6);
    EXPECT_NEAR(city_centre("Atlantis").lat, moscow.lat, 1e-9);
}

TEST(FeedRules, CursorsRoundTripAndRejectOthers) {
    const SnapshotCursor c{Tab::kNearby, "abc-DEF_123", 40};
    const auto text = encode_cursor(c);
    const auto back = decode_cursor(text);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->tab, Tab::kNearby);
    EXPECT_EQ(back->snapshot_id, "abc-DEF_123");
    EXPECT_EQ(back->offset, 40u);
    const auto none = decode_cursor(encode_cursor(SnapshotCursor{Tab::kForYou, "", 20}));
    ASSERT_TRUE(none.has_value());
    EXPECT_TRUE(none->snapshot_id.empty());
    EXPECT_FALSE(decode_cursor("not base64!").has_value());
    EXPECT_FALSE(decode_cursor("eHx5fDE").has_value());  // "x|y|1": an unknown tab
    EXPECT_EQ(parse_tab("following"), Tab::kFollowing);
    EXPECT_FALSE(parse_tab("home").has_value());
}

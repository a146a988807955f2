#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The feed's pure rules (docs/feed.md): the parts of the score, author diversity, the city
/// centres a viewer without a place falls back to, and the snapshot cursor. No I/O.
namespace service::feed {

enum class Tab { kForYou, kFollowing, kNearby };
/// "for_you", "following", "nearby"; nullopt for anything else.
std::optional<Tab> parse_tab(std::string_view text);

struct Point {
    double lon = 0;
    double lat = 0;
};

/// The centre of a city by its name as a profile spells it (Russian or English, any case);
/// Moscow for an empty or unknown name.
Point city_centre(std::string_view city);

/// A for_you candidate as stage one reads it.
struct Candidate {
    std::string post_id;
    std::string author_id;
    std::optional<double> distance_m;  // none: the post has no place
    double age_s = 0;
    int likes = 0;
    int comments = 0;
    int reposts = 0;
    bool subscribed = false;    // the viewer follows the author or is their friend
    double category_share = 0;  // in [0, 1]
};

/// Gaussian decay of the distance: 1 at 0, 0.5 at 3 km, about 0.06 at 6 km; 0 without a place.
double geo_part(std::optional<double> distance_m);
/// 0.5^(age_h / 24).
double freshness_part(double age_s);
/// min(1, log10(1 + likes + 2·comments + 3·reposts) / 4).
double popularity_part(int likes, int comments, int reposts);
/// 0.40·geo + 0.25·freshness + 0.20·popularity + 0.10·subscription + 0.05·category.
double for_you_score(const Candidate& c);
/// nearby: 0.6 / (1 + d / 3 km) + 0.4 · 0.5^(age_h / 72); strictly falls with distance and age.
double nearby_score(double distance_m, double age_s);

struct Ranked {
    std::string post_id;
    std::string author_id;
    double score = 0;
    double age_s = 0;
};

/// Best first (score, then newer, then post id), cut to `limit`.
std::vector<Ranked> best_first(std::vector<Ranked> ranked, std::size_t limit);

/// Reorders a ranked list so that no author has more than `max_run` posts in a row, keeping the
/// order otherwise: where the next post would make a longer run, the best post of another author
/// goes first. Only when every remaining post is that author's does the run grow.
std::vector<Ranked> diversify(std::vector<Ranked> ranked, std::size_t max_run = 2);

/// A position in a viewer's ranked list: the snapshot (empty: there is none, Redis was down
/// and the next page recomputes the list) and how many entries were already consumed.
struct SnapshotCursor {
    Tab tab = Tab::kForYou;
    std::string snapshot_id;
    std::size_t offset = 0;
};
/// Opaque base64url text.
std::string encode_cursor(const SnapshotCursor& cursor);
/// nullopt when the text is not such a cursor.
std::optional<SnapshotCursor> decode_cursor(std::string_view text);

}  // namespace service::feed

#include "modules/feed/ranking.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/crypto.hpp"

namespace service::feed {
namespace {

constexpr double kGeoScaleM = 3000;     // geo is 0.5 here
constexpr double kFreshHalfLifeH = 24;  // for_you freshness halves every day
constexpr double kNearbyHalfLifeH = 72;

struct City {
    std::string_view name;  // lower case
    Point centre;
};

// Names as people type them in a profile, folded to lower case.
constexpr std::array kCities{
    City{"москва", {37.6173, 55.7558}},
    City{"moscow", {37.6173, 55.7558}},
    City{"санкт-петербург", {30.3351, 59.9343}},
    City{"петербург", {30.3351, 59.9343}},
    City{"спб", {30.3351, 59.9343}},
    City{"saint petersburg", {30.3351, 59.9343}},
    City{"st. petersburg", {30.3351, 59.9343}},
    City{"казань", {49.1064, 55.7961}},
    City{"kazan", {49.1064, 55.7961}},
    City{"новосибирск", {82.9204, 55.0302}},
    City{"novosibirsk", {82.9204, 55.0302}},
    City{"екатеринбург", {60.6057, 56.8389}},
    City{"yekaterinburg", {60.6057, 56.8389}},
    City{"нижний новгород", {44.0059, 56.3269}},
    City{"nizhny novgorod", {44.0059, 56.3269}},
    City{"краснодар", {38.9753, 45.0355}},
    City{"krasnodar", {38.9753, 45.0355}},
    City{"сочи", {39.7231, 43.5855}},
    City{"sochi", {39.7231, 43.5855}},
};

// ASCII and Cyrillic (А–Я, Ё) to lower case in UTF-8; other bytes as they are.
std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0U;
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {  // А–П → а–п
            out += static_cast<char>(0xD0);
            out += static_cast<char>(next + 0x20);
            ++i;
        } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р–Я → р–я
            out += static_cast<char>(0xD1);
            out += static_cast<char>(next - 0x20);
            ++i;
        } else if (c == 0xD0 && next == 0x81) {  // Ё → ё
            out += static_cast<char>(0xD1);
            out += static_cast<char>(0x91);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

char tab_letter(Tab tab) {
    switch (tab) {
        case Tab::kForYou:
            return 'f';
        case Tab::kNearby:
            return 'n';
        case Tab::kFollowing:
            break;
    }
    return 'l';
}

}  // namespace

std::optional<Tab> parse_tab(std::string_view text) {
    if (text == "for_you") return Tab::kForYou;
    if (text == "following") return Tab::kFollowing;
    if (text == "nearby") return Tab::kNearby;
    return std::nullopt;
}

Point city_centre(std::string_view city) {
    const auto name = fold(trim(city));
    for (const auto& c : kCities) {
        if (c.name == name) return c.centre;
    }
    return kCities[0].centre;
}

double geo_part(std::optional<double> distance_m) {
    if (!distance_m) return 0;
    const double x = *distance_m / kGeoScaleM;
    return std::pow(0.5, x * x);
}

double freshness_part(double age_s) { return std::pow(0.5, std::max(0.0, age_s) / 3600.0 / kFreshHalfLifeH); }

double popularity_part(int likes, int comments, int reposts) {
    const double engagement =
        static_cast<double>(likes) + 2.0 * static_cast<double>(comments) + 3.0 * static_cast<double>(reposts);
    return std::min(1.0, std::log10(1.0 + std::max(0.0, engagement)) / 4.0);
}

double for_you_score(const Candidate& c) {
    return 0.40 * geo_part(c.distance_m) + 0.25 * freshness_part(c.age_s) +
           0.20 * popularity_part(c.likes, c.comments, c.reposts) + 0.10 * (c.subscribed ? 1.0 : 0.0) +
           0.05 * std::clamp(c.category_share, 0.0, 1.0);
}

double nearby_score(double distance_m, double age_s) {
    return 0.6 / (1.0 + std::max(0.0, distance_m) / kGeoScaleM) +
           0.4 * std::pow(0.5, std::max(0.0, age_s) / 3600.0 / kNearbyHalfLifeH);
}

std::vector<Ranked> best_first(std::vector<Ranked> ranked, std::size_t limit) {
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.age_s != b.age_s) return a.age_s < b.age_s;
        return a.post_id < b.post_id;
    });
    if (ranked.size() > limit) ranked.resize(limit);
    return ranked;
}

std::vector<Ranked> diversify(std::vector<Ranked> ranked, std::size_t max_run) {
    std::vector<Ranked> out;
    out.reserve(ranked.size());
    std::vector<bool> taken(ranked.size(), false);
    std::size_t first = 0;  // the first post not taken yet
    const auto would_exceed = [&out, max_run](const std::string& author) {
        if (max_run == 0 || out.size() < max_run) return false;
        for (std::size_t k = out.size() - max_run; k < out.size(); ++k) {
            if (out[k].author_id != author) return false;
        }
        return true;
    };
    while (out.size() < ranked.size()) {
        while (taken[first]) ++first;
        std::size_t pick = first;
        for (std::size_t i = first; i < ranked.size(); ++i) {
            if (!taken[i] && !would_exceed(ranked[i].author_id)) {
                pick = i;
                break;
            }
        }
        taken[pick] = true;
        out.push_back(std::move(ranked[pick]));
    }
    return out;
}

std::string encode_cursor(const SnapshotCursor& cursor) {
    std::string text(1, tab_letter(cursor.tab));
    text += '|';
    text += cursor.snapshot_id;
    text += '|';
    text += std::to_string(cursor.offset);
    return core::base64url_encode(text);
}

std::optional<SnapshotCursor> decode_cursor(std::string_view text) {
    const auto raw = core::base64url_decode(text);
    if (!raw || raw->size() < 4 || (*raw)[1] != '|') return std::nullopt;
    SnapshotCursor cursor;
    if ((*raw)[0] == 'f')
        cursor.tab = Tab::kForYou;
    else if ((*raw)[0] == 'n')
        cursor.tab = Tab::kNearby;
    else
        return std::nullopt;
    const auto bar = raw->find('|', 2);
    if (bar == std::string::npos) return std::nullopt;
    cursor.snapshot_id = raw->substr(2, bar - 2);
    for (const char c : cursor.snapshot_id) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return std::nullopt;
    }
    if (cursor.snapshot_id.size() > 64) return std::nullopt;
    const std::string_view number = std::string_view(*raw).substr(bar + 1);
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), cursor.offset);
    if (ec != std::errc{} || ptr != number.data() + number.size() || number.empty() || cursor.offset > 100000)
        return std::nullopt;
    return cursor;
}

}  // namespace service::feed

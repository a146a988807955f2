#include "modules/search/query.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "modules/search/text.hpp"

namespace service::search {
namespace {

// Words that say where rather than what ("маникюр рядом"): the point and radius do that.
constexpr std::array<std::u32string_view, 7> kPlaceWords{U"рядом",    U"около", U"возле", U"поблизости",
                                                         U"недалеко", U"near",  U"nearby"};

bool is_place_word(const std::u32string& w) {
    return std::find(kPlaceWords.begin(), kPlaceWords.end(), w) != kPlaceWords.end();
}

struct Reading {
    std::vector<std::u32string> words;
    Alternative::Kind kind;
};

std::string join(const std::vector<std::u32string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out.push_back(' ');
        out += text::encode(w);
    }
    return out;
}

}  // namespace

void Vocabulary::add(std::string_view word) {
    auto letters = text::decode(word);
    for (auto& c : letters) c = text::fold(c);
    if (letters.empty() || all_.contains(letters)) return;
    by_first_[letters[0]].push_back(letters);
    all_.insert(std::move(letters));
}

std::vector<std::u32string> Vocabulary::near(std::u32string_view word, bool prefix, std::size_t limit) const {
    const int budget = text::typo_budget(word.size());
    if (budget == 0 || word.empty()) return {};
    std::vector<std::tuple<int, std::size_t, std::u32string_view>> found;  // distance, length difference, word
    auto consider = [&](const std::u32string& candidate) {
        int best = budget + 1;
        if (prefix) {
            // The typed beginning against the candidate's beginnings of about its length.
            for (std::size_t len = word.size() - 1; len <= word.size() + 1; ++len) {
                if (len == 0 || len > candidate.size()) continue;
                best = std::min(best, text::typo_distance(word, std::u32string_view(candidate).substr(0, len), budget));
            }
        } else {
            best = text::typo_distance(word, candidate, budget);
        }
        if (best == 0 || best > budget) return;
        const auto diff =
            candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
        found.emplace_back(best, diff, candidate);
    };
    if (budget >= 2) {
        // A different first letter costs two: only long words may have one.
        for (const auto& candidate : all_) consider(candidate);
    } else if (const auto it = by_first_.find(word[0]); it != by_first_.end()) {
        for (const auto& candidate : it->second) consider(candidate);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::u32string> out;
    for (const auto& [distance, diff, candidate] : found) {
        if (out.size() == limit) break;
        out.emplace_back(candidate);
    }
    return out;
}

bool Vocabulary::has_prefix(std::u32string_view prefix) const {
    if (prefix.empty()) return false;
    const auto it = by_first_.find(prefix[0]);
    if (it == by_first_.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](const std::u32string& w) { return w.starts_with(prefix); });
}

ParsedQuery parse_query(std::string_view q, const Vocabulary& vocabulary) {
    ParsedQuery out;
    const auto typed = text::decode(q);
    auto typed_words = text::words(typed);
    if (typed_words.empty()) {
        const bool blank = std::all_of(typed.begin(), typed.end(), [](char32_t c) { return c == U' ' || c == U'\t'; });
        (blank ? out.browse : out.nothing) = true;
        return out;
    }
    // The last word is matched as a prefix while it is being typed (no space after it).
    const bool last_is_prefix = !typed.empty() && typed.back() != U' ';

    std::vector<Reading> readings{{typed_words, Alternative::kTyped}};
    if (text::has_latin(typed)) {
        readings.push_back({text::words(text::qwerty_to_russian(typed)), Alternative::kCorrected});
        std::vector<std::u32string> spelled;
        for (const auto& w : typed_words) spelled.push_back(text::has_latin(w) ? text::transliterate(w) : w);
        readings.push_back({std::move(spelled), Alternative::kCorrected});
    }
    if (text::has_cyrillic(typed)) {
        // Russian typed for Latin: б, ю, ж, х, ъ, э sit on punctuation keys, so on the other side
        // they split a word into pieces ("микозоби" → "vbrjpj", "b"), and a one-letter piece would
        // match any "b". Such a reading is not what anyone typed: only whole words are kept.
        auto latin = text::words(text::russian_to_qwerty(typed));
        if (latin.size() == typed_words.size()) readings.push_back({std::move(latin), Alternative::kCorrected});
    }

    std::vector<std::vector<std::u32string>> seen;
    std::vector<std::u32string> as_typed;
    int reading_no = 0;
    for (auto& reading : readings) {
        auto& words = reading.words;
        if (words.size() > 1) {
            std::vector<std::u32string> kept;
            std::copy_if(words.begin(), words.end(), std::back_inserter(kept),
                         [](const std::u32string& w) { return !is_place_word(w); });
            if (!kept.empty()) words = std::move(kept);
        }
        if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
        if (words.empty() || std::find(seen.begin(), seen.end(), words) != seen.end()) continue;
        seen.push_back(words);
        if (reading_no == 0) as_typed = words;

        std::vector<std::u32string> corrected;
        bool resolved = true;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const auto& w = words[i];
            const bool prefix = last_is_prefix && i + 1 == words.size();
            out.alternatives.push_back({text::encode(w), reading_no, static_cast<int>(i), reading.kind, prefix});
            const auto near = vocabulary.near(w, prefix, 4);
            for (const auto& n : near)
                out.alternatives.push_back(
                    {text::encode(n), reading_no, static_cast<int>(i), Alternative::kCorrected, false});
            if (vocabulary.contains(w) || (prefix && vocabulary.has_prefix(w))) {
                corrected.push_back(w);
            } else if (!near.empty()) {
                corrected.push_back(near.front());
            } else {
                corrected.push_back(w);
                resolved = false;
            }
        }
        if (!out.correction && resolved && corrected != as_typed) out.correction = join(corrected);
        if (resolved) out.resolved = true;
        ++reading_no;
    }
    return out;
}

std::optional<std::string> known_words_only(std::string_view q, const Vocabulary& vocabulary) {
    std::vector<std::string_view> tokens;
    for (std::size_t at = 0; at < q.size();) {
        const auto end = std::min(q.find_first_of(" \t", at), q.size());
        if (end > at) tokens.push_back(q.substr(at, end - at));
        at = end + 1;
    }
    if (tokens.size() < 2) return std::nullopt;
    const bool open_end = q.back() != ' ' && q.back() != '\t';  // the last word is still being typed
    std::string kept;
    std::size_t known = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string word(tokens[i]);
        if (!(open_end && i + 1 == tokens.size())) word.push_back(' ');
        const auto parsed = parse_query(word, vocabulary);
        if (!parsed.resolved) continue;
        ++known;
        if (!kept.empty()) kept.push_back(' ');
        kept.append(tokens[i]);
    }
    if (known == 0 || known == tokens.size()) return std::nullopt;
    return kept;
}

}  // namespace service::search

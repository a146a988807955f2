#include "modules/search/suggestions.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "modules/search/text.hpp"

namespace service::search {
namespace {

// The order suggestions are listed in; words ("query") come last.
constexpr std::array<std::string_view, 3> kListedKinds{"category", "service", "master"};
// How many entries of one kind a lookup looks at before it keeps the shortest: a beginning like
// "ма" matches thousands of masters, and the shortest of the first few dozen read well.
constexpr std::size_t kLookAt = 64;

std::u32string folded(std::string_view text) {
    auto letters = text::decode(text);
    for (auto& c : letters) c = text::fold(c);
    return letters;
}

bool starts_with(std::u32string_view text, std::u32string_view prefix) {
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Suggestions::Suggestions(std::vector<SuggestionSource> sources) {
    keys_by_kind_.resize(kListedKinds.size());
    for (auto& source : sources) {
        const auto at = entries_.size();
        const auto kind = std::find(kListedKinds.begin(), kListedKinds.end(), source.kind);
        if (kind == kListedKinds.end()) {
            if (source.kind != "query") continue;
            words_.emplace_back(folded(source.text), at);
        } else {
            auto& keys = keys_by_kind_[static_cast<std::size_t>(kind - kListedKinds.begin())];
            add_keys(at, folded(source.text), keys);
            if (!source.also.empty()) add_keys(at, folded(source.also), keys);
        }
        entries_.push_back({std::move(source.kind), std::move(source.text), std::move(source.id)});
    }
    for (auto& keys : keys_by_kind_) std::sort(keys.begin(), keys.end());
    std::sort(words_.begin(), words_.end());
}

void Suggestions::add_keys(std::size_t entry, std::u32string_view text, Keys& keys) {
    // From the beginning of the text and after every space, as "начинается с" reads it.
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 0 || text[i - 1] == U' ') keys.emplace_back(std::u32string(text.substr(i)), entry);
    }
}

std::vector<Suggestion> Suggestions::find(const std::vector<std::u32string>& prefixes,
                                          const std::vector<std::u32string>& corrections, std::size_t limit) const {
    std::vector<Suggestion> out;
    std::set<std::size_t> taken;
    auto list = [&](const Keys& keys) {
        std::vector<std::size_t> found;
        for (const auto& prefix : prefixes) {
            if (prefix.empty()) continue;
            auto it = std::lower_bound(keys.begin(), keys.end(), prefix,
                                       [](const auto& key, const std::u32string& p) { return key.first < p; });
            for (std::size_t seen = 0; it != keys.end() && seen < kLookAt && starts_with(it->first, prefix); ++it) {
                if (taken.contains(it->second) || std::find(found.begin(), found.end(), it->second) != found.end())
                    continue;
                found.push_back(it->second);
                ++seen;
            }
        }
        std::sort(found.begin(), found.end(), [&](std::size_t a, std::size_t b) {
            const auto& x = entries_[a].text;
            const auto& y = entries_[b].text;
            const auto lx = text::decode(x).size();
            const auto ly = text::decode(y).size();
            return lx != ly ? lx < ly : x < y;
        });
        for (const auto i : found) {
            if (out.size() == limit) return;
            taken.insert(i);
            out.push_back({entries_[i].kind, entries_[i].text, entries_[i].id});
        }
    };
    for (const auto& keys : keys_by_kind_) list(keys);
    list(words_);
    for (const auto& word : corrections) {
        if (out.size() == limit) break;
        const auto it = std::lower_bound(words_.begin(), words_.end(), word,
                                         [](const auto& key, const std::u32string& w) { return key.first < w; });
        if (it == words_.end() || it->first != word || taken.contains(it->second)) continue;
        taken.insert(it->second);
        out.push_back({entries_[it->second].kind, entries_[it->second].text, std::nullopt});
    }
    return out;
}

}  // namespace service::search

#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/search/repository.hpp"

/// What suggestions are made from, held in memory: category names, service names, master
/// names and the indexed words, each findable by the beginning of any of its words. Built
/// from Repository::suggestion_sources() and replaced whole every few seconds (the search
/// service does that), so a lookup is a few binary searches, no database round trip.
namespace service::search {

class Suggestions {
  public:
    Suggestions() = default;
    explicit Suggestions(std::vector<SuggestionSource> sources);

    /// At most `limit` suggestions for the folded beginnings in `prefixes` (what was typed and
    /// its other readings): categories, then services, masters and words, shortest first
    /// within each kind; then `corrections` (whole words) that are in the vocabulary.
    std::vector<Suggestion> find(const std::vector<std::u32string>& prefixes,
                                 const std::vector<std::u32string>& corrections, std::size_t limit) const;
    std::size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        std::string kind;
        std::string text;
        std::optional<std::string> id;
    };
    /// (the folded text from the beginning of one of its words, entry), sorted by key.
    using Keys = std::vector<std::pair<std::u32string, std::size_t>>;

    void add_keys(std::size_t entry, std::u32string_view text, Keys& keys);

    std::vector<Entry> entries_;
    std::vector<Keys> keys_by_kind_;  // in the order suggestions are listed
    Keys words_;                      // the vocabulary ("query" suggestions) by whole word too
};

}  // namespace service::search

#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

/// From what a person typed to the words the index is asked for: the readings of the query (as
/// typed, on the other keyboard layout, transliterated), each word with its typo corrections
/// from the vocabulary of indexed words. Synonyms are added by the SQL (search_synonyms).
namespace service::search {

/// Every word any search document has used (search_words), for typo corrections.
class Vocabulary {
  public:
    void add(std::string_view word);
    bool contains(std::u32string_view word) const { return all_.contains(std::u32string(word)); }
    /// Words within the typo budget of `word` (text::typo_budget), nearest first, at most
    /// `limit`; with `prefix`, words whose beginning is within it. Never the word itself.
    std::vector<std::u32string> near(std::u32string_view word, bool prefix, std::size_t limit) const;
    /// Whether some word starts with `prefix`.
    bool has_prefix(std::u32string_view prefix) const;
    std::size_t size() const { return all_.size(); }

  private:
    std::unordered_set<std::u32string> all_;
    std::unordered_map<char32_t, std::vector<std::u32string>> by_first_;
};

/// How a query word may be found: the word (or a correction of it) at `position` of one
/// reading of the query.
struct Alternative {
    enum Kind { kTyped = 0, kCorrected = 1 };  // synonyms (2) come from the SQL
    std::string word;
    int reading = 0;
    int position = 0;
    Kind kind = kTyped;
    bool prefix = false;  // the last word while it is being typed
};

struct ParsedQuery {
    std::vector<Alternative> alternatives;
    /// No characters at all: browse by the filters.
    bool browse = false;
    /// Characters but not one word (symbols only): nothing can match.
    bool nothing = false;
    /// What the query most likely meant, when that differs from what was typed.
    std::optional<std::string> correction;
    /// Some reading has every word in the vocabulary, or a correction of it there.
    bool resolved = false;
};

/// At most this many words of a query are searched for.
inline constexpr std::size_t kMaxQueryWords = 8;

ParsedQuery parse_query(std::string_view q, const Vocabulary& vocabulary);

/// The query without the words (space-separated, as typed) that no document has in any reading
/// or correction ("маникюр недорого" → "маникюр"): what is searched when the whole query finds
/// nothing. nullopt when every word, or none, is known.
std::optional<std::string> known_words_only(std::string_view q, const Vocabulary& vocabulary);

}  // namespace service::search

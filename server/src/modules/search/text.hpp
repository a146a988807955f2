#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

/// The letter-level text rules of search, kept apart from I/O so they are unit-tested: case and
/// accent folding as the search_words configuration does it (ё = е), words, the other keyboard
/// layout, Latin transliteration, and typo distance counted in letters, not bytes.
namespace service::search::text {

/// Code points of UTF-8 text (an invalid byte is skipped).
std::u32string decode(std::string_view utf8);
std::string encode(std::u32string_view letters);

/// Lower case, ё → е, Latin accents removed (é → e); other characters unchanged.
char32_t fold(char32_t c);
bool is_word_char(char32_t c);

/// The folded words of `text`: runs of letters and digits; anything else separates.
std::vector<std::u32string> words(std::u32string_view text);

/// What the text would have been on the other layout: qwerty keys read as ЙЦУКЕН ("vfybr.h" →
/// "маникюр") or the other way round; characters without a key on that side stay as they are.
std::u32string qwerty_to_russian(std::u32string_view typed);
std::u32string russian_to_qwerty(std::u32string_view typed);

/// A Latin word read as Russian transliteration ("manikur" → "маникур", "strizhka" → "стрижка").
std::u32string transliterate(std::u32string_view latin);
bool has_latin(std::u32string_view text);
bool has_cyrillic(std::u32string_view text);

/// Typos a word of this many letters may have (Meilisearch's defaults): none below 5 letters,
/// one from 5, two from 9.
int typo_budget(std::size_t letters);

/// Edits between two words: insertions, deletions, substitutions and swaps of two neighbouring
/// letters each count one, a different first letter counts one more. Returns `limit + 1` as soon
/// as the distance is known to exceed `limit`.
int typo_distance(std::u32string_view a, std::u32string_view b, int limit);

}  // namespace service::search::text

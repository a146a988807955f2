#include "modules/search/text.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace service::search::text {
namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F ('?': no plain base letter, left as it is).
constexpr std::string_view kLatin1 = "aaaaaa?ceeeeiiiidnooooo?ouuuuy??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuu"
    "uuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 64);
static_assert(kLatinExtendedA.size() == 128);

// The ЙЦУКЕН key under each qwerty key (lower case; the shifted punctuation keys included).
constexpr std::array<std::pair<char32_t, char32_t>, 42> kLayout{{
    {U'q', U'й'}, {U'w', U'ц'},  {U'e', U'у'}, {U'r', U'к'}, {U't', U'е'}, {U'y', U'н'}, {U'u', U'г'},
    {U'i', U'ш'}, {U'o', U'щ'},  {U'p', U'з'}, {U'[', U'х'}, {U']', U'ъ'}, {U'a', U'ф'}, {U's', U'ы'},
    {U'd', U'в'}, {U'f', U'а'},  {U'g', U'п'}, {U'h', U'р'}, {U'j', U'о'}, {U'k', U'л'}, {U'l', U'д'},
    {U';', U'ж'}, {U'\'', U'э'}, {U'z', U'я'}, {U'x', U'ч'}, {U'c', U'с'}, {U'v', U'м'}, {U'b', U'и'},
    {U'n', U'т'}, {U'm', U'ь'},  {U',', U'б'}, {U'.', U'ю'}, {U'`', U'ё'}, {U'{', U'х'}, {U'}', U'ъ'},
    {U':', U'ж'}, {U'"', U'э'},  {U'<', U'б'}, {U'>', U'ю'}, {U'~', U'ё'}, {U'/', U'.'}, {U'?', U','},
}};

// Latin letter groups read as one Cyrillic letter, longest first, then single letters.
constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 20> kDigraphs{{
    {U"shch", U"щ"}, {U"sch", U"щ"}, {U"zh", U"ж"}, {U"kh", U"х"}, {U"ts", U"ц"}, {U"tz", U"ц"}, {U"ch", U"ч"},
    {U"sh", U"ш"},   {U"yu", U"ю"},  {U"ju", U"ю"}, {U"iu", U"ю"}, {U"ya", U"я"}, {U"ja", U"я"}, {U"ia", U"я"},
    {U"yo", U"е"},   {U"jo", U"е"},  {U"ye", U"е"}, {U"je", U"е"}, {U"ck", U"к"}, {U"ph", U"ф"},
}};
// a..z, one letter each; x becomes "кс" and y depends on the letter before it.
constexpr std::u32string_view kSingles = U"абкдефгхийклмнопкрстувв_ыз";
static_assert(kSingles.size() == 26);
constexpr std::u32string_view kRussianVowels = U"аеиоуыэюя";

bool is_latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

}  // namespace

std::u32string decode(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        int len = 0;
        char32_t c = 0;
        if (b < 0x80) {
            len = 1;
            c = b;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2;
            c = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3;
            c = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4;
            c = b & 0x07;
        } else {
            ++i;
            continue;
        }
        if (i + static_cast<std::size_t>(len) > utf8.size()) break;
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto cb = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((cb & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            c = (c << 6) | (cb & 0x3F);
        }
        if (!ok) {
            ++i;
            continue;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string encode(std::u32string_view letters) {
    std::string out;
    out.reserve(letters.size() * 2);
    for (const char32_t c : letters) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

char32_t fold(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xFF) {
        const char base = kLatin1[c - 0xC0];
        if (base != '?') return static_cast<char32_t>(base);
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 0x20 : c;
    }
    if (c >= 0x100 && c <= 0x17F) {
        const char base = kLatinExtendedA[c - 0x100];
        return base != '?' ? static_cast<char32_t>(base) : c;
    }
    if (c >= 0x410 && c <= 0x42F) c += 0x20;  // А..Я
    if (c >= 0x400 && c <= 0x40F) c += 0x50;  // Ѐ..Џ (Ё among them)
    if (c == 0x451) return 0x435;             // ё = е
    return c;
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= U'0' && c <= U'9') || is_latin_letter(c);
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F);
}

std::vector<std::u32string> words(std::u32string_view text) {
    std::vector<std::u32string> out;
    std::u32string current;
    for (const char32_t c : text) {
        if (is_word_char(c)) {
            current.push_back(fold(c));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::u32string qwerty_to_russian(std::u32string_view typed) {
    std::u32string out;
    out.reserve(typed.size());
    for (char32_t c : typed) {
        if (c >= U'A' && c <= U'Z') c += 0x20;
        const auto* hit = std::find_if(kLayout.begin(), kLayout.end(), [c](const auto& p) { return p.first == c; });
        out.push_back(hit != kLayout.end() ? hit->second : c);
    }
    return out;
}

std::u32string russian_to_qwerty(std::u32string_view typed) {
    std::u32string out;
    out.reserve(typed.size());
    for (char32_t c : typed) {
        c = (c >= 0x410 && c <= 0x42F) || c == 0x401 ? fold(c) : c;
        const auto* hit =
            std::find_if(kLayout.begin(), kLayout.begin() + 33, [c](const auto& p) { return p.second == c; });
        out.push_back(hit != kLayout.begin() + 33 ? hit->first : c);
    }
    return out;
}

std::u32string transliterate(std::u32string_view latin) {
    std::u32string lower;
    lower.reserve(latin.size());
    for (const char32_t c : latin) lower.push_back(fold(c));
    std::u32string out;
    std::size_t i = 0;
    while (i < lower.size()) {
        bool matched = false;
        for (const auto& [from, to] : kDigraphs) {
            if (lower.compare(i, from.size(), from) == 0) {
                out.append(to);
                i += from.size();
                matched = true;
                break;
            }
        }
        if (matched) continue;
        const char32_t c = lower[i++];
        if (c == U'x') {
            out.append(U"кс");
        } else if (c == U'y') {
            // After a vowel y is й ("sergey"); before one it was part of a digraph above.
            const bool after_vowel = !out.empty() && kRussianVowels.find(out.back()) != std::u32string_view::npos;
            out.push_back(after_vowel ? U'й' : U'ы');
        } else if (c == U'\'') {
            out.push_back(U'ь');
        } else if (c >= U'a' && c <= U'z') {
            out.push_back(kSingles[c - U'a']);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool has_latin(std::u32string_view text) { return std::any_of(text.begin(), text.end(), is_latin_letter); }

bool has_cyrillic(std::u32string_view text) {
    return std::any_of(text.begin(), text.end(), [](char32_t c) { return c >= 0x400 && c <= 0x4FF; });
}

int typo_budget(std::size_t letters) {
    if (letters >= 9) return 2;
    if (letters >= 5) return 1;
    return 0;
}

int typo_distance(std::u32string_view a, std::u32string_view b, int limit) {
    constexpr std::size_t kMax = 63;
    const int over = limit + 1;
    if (a.size() > kMax || b.size() > kMax) return a == b ? 0 : over;
    const auto n = a.size();
    const auto m = b.size();
    if (static_cast<int>(n > m ? n - m : m - n) > limit) return over;
    if (a == b) return 0;
    const int first = (n == 0 || m == 0 || a[0] != b[0]) ? 1 : 0;  // a first-letter typo counts twice
    const int budget = limit - first;
    if (budget < 0) return over;
    // Optimal string alignment over three rolling rows.
    std::array<int, kMax + 1> before{}, previous{}, current{};
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            current[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > budget) return over;
        before = previous;
        previous = current;
    }
    const int distance = previous[m] + first;
    return distance > limit ? over : distance;
}

}  // namespace service::search::text

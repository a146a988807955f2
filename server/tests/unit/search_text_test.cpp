// The letter-level rules of search: folding, words, layouts, transliteration, typo distance
// in letters, and how a query becomes alternatives with its correction.
#include <gtest/gtest.h>

#include "modules/search/query.hpp"
#include "modules/search/suggestions.hpp"
#include "modules/search/text.hpp"

using namespace service::search;

namespace {

std::u32string u(std::string_view s) { return text::decode(s); }
std::string s8(std::u32string_view s) { return text::encode(s); }

std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& w : text::words(u(s))) out.push_back(s8(w));
    return out;
}

}  // namespace

TEST(SearchText, FoldsCaseAccentsAndYo) {
    EXPECT_EQ(words_of("МАНИКЮР Ёлка Café, naïve!"), (std::vector<std::string>{"маникюр", "елка", "cafe", "naive"}));
    EXPECT_EQ(words_of("гель-лак 2в1"), (std::vector<std::string>{"гель", "лак", "2в1"}));
    EXPECT_TRUE(words_of("!!! --- ***").empty());
    EXPECT_EQ(s8(text::decode("a\xff\xfe"
                              "b")),
              "ab");  // invalid bytes skipped
}

TEST(SearchText, ReadsTheOtherKeyboardLayout) {
    EXPECT_EQ(s8(text::qwerty_to_russian(u("vfybr.h"))), "маникюр");
    EXPECT_EQ(s8(text::qwerty_to_russian(u("ghbdtn"))), "привет");
    EXPECT_EQ(s8(text::qwerty_to_russian(u("GTLBR.H"))), "педикюр");
    EXPECT_EQ(s8(text::russian_to_qwerty(u("ьфтшсгку"))), "manicure");
}

TEST(SearchText, TransliteratesLatinSpelling) {
    EXPECT_EQ(s8(text::transliterate(u("manikur"))), "маникур");
    EXPECT_EQ(s8(text::transliterate(u("strizhka"))), "стрижка");
    EXPECT_EQ(s8(text::transliterate(u("shugaring"))), "шугаринг");
    EXPECT_EQ(s8(text::transliterate(u("Sergey"))), "сергей");
    EXPECT_EQ(s8(text::transliterate(u("massazh"))), "массаж");
}

TEST(SearchText, TypoBudgetIsCountedInLetters) {
    EXPECT_EQ(text::typo_budget(u("ногт").size()), 0);
    EXPECT_EQ(text::typo_budget(u("ногти").size()), 1);  // 5 letters, 10 bytes
    EXPECT_EQ(text::typo_budget(u("маникюра").size()), 1);
    EXPECT_EQ(text::typo_budget(u("окрашиван").size()), 2);
}

TEST(SearchText, TypoDistanceCountsSwapsOnceAndFirstLettersTwice) {
    EXPECT_EQ(text::typo_distance(u("маникюр"), u("маникюр"), 2), 0);
    EXPECT_EQ(text::typo_distance(u("маникур"), u("маникюр"), 2), 1);  // one letter missing
    EXPECT_EQ(text::typo_distance(u("маинкюр"), u("маникюр"), 2), 1);  // neighbours swapped
    EXPECT_EQ(text::typo_distance(u("ианикюр"), u("маникюр"), 2), 2);  // first letter
    EXPECT_EQ(text::typo_distance(u("ианикюр"), u("маникюр"), 1), 2);  // over the limit: limit + 1
    EXPECT_EQ(text::typo_distance(u("мнкр"), u("маникюр"), 2), 3);
}

TEST(SearchQuery, CorrectsFromTheVocabulary) {
    Vocabulary v;
    for (const auto* w : {"маникюр", "маникюра", "педикюр", "стрижка", "мужская"}) v.add(w);

    auto q = parse_query("маникур ", v);
    ASSERT_FALSE(q.alternatives.empty());
    EXPECT_EQ(q.alternatives[0].word, "маникур");
    EXPECT_EQ(q.alternatives[0].kind, Alternative::kTyped);
    EXPECT_FALSE(q.alternatives[0].prefix);
    EXPECT_EQ(q.correction, "маникюр");

    q = parse_query("vfybr.h", v);
    EXPECT_EQ(q.correction, "маникюр");
    q = parse_query("стрижка муж", v);
    EXPECT_FALSE(q.correction);  // a prefix of a known word is no typo
    EXPECT_TRUE(q.alternatives.back().prefix || q.alternatives[1].prefix);
    q = parse_query("маникюр рядом", v);
    for (const auto& a : q.alternatives) EXPECT_NE(a.word, "рядом");

    EXPECT_TRUE(parse_query("", v).browse);
    EXPECT_TRUE(parse_query("  ", v).browse);
    EXPECT_TRUE(parse_query("!!!", v).nothing);
}

TEST(SearchQuery, LeavesOutWordsNoDocumentHas) {
    Vocabulary v;
    for (const auto* w : {"маникюр", "массаж", "стрижка", "лица"}) v.add(w);
    EXPECT_EQ(known_words_only("маникюр недорого", v), "маникюр");
    EXPECT_EQ(known_words_only("хочу массаж лица", v), "массаж лица");
    EXPECT_EQ(known_words_only("маникур недорого", v), "маникур");       // a typo is still a known word
    EXPECT_EQ(known_words_only("vfccf; kbwf ujhjl", v), "vfccf; kbwf");  // so is the other layout
    EXPECT_EQ(known_words_only("недорого стрижк", v), "стрижк");         // and the beginning being typed
    EXPECT_FALSE(known_words_only("массаж лица", v));                    // every word known
    EXPECT_FALSE(known_words_only("ремонт телефонов", v));               // none known
    EXPECT_FALSE(known_words_only("маникюр", v));                        // one word
}

TEST(SearchSuggestions, FindByTheBeginningOfAnyWordInKindOrder) {
    const Suggestions index({{"category", "Маникюр", "c1", "Manicure"},
                             {"category", "Педикюр", "c2", "Pedicure"},
                             {"service", "Маникюр с покрытием гель-лак", std::nullopt, ""},
                             {"service", "Мужской маникюр", std::nullopt, ""},
                             {"master", "Анна · Ногти", "m1", ""},
                             {"master", "Мастер маникюра Ёлка", "m2", ""},
                             {"query", "маникюр", std::nullopt, ""},
                             {"query", "маникюра", std::nullopt, ""},
                             {"query", "педикюр", std::nullopt, ""}});
    auto texts = [](const std::vector<Suggestion>& found) {
        std::vector<std::string> out;
        for (const auto& s : found) out.push_back(s.kind + ":" + s.text);
        return out;
    };
    EXPECT_EQ(
        texts(index.find({U"мани"}, {}, 8)),
        (std::vector<std::string>{"category:Маникюр", "service:Мужской маникюр", "service:Маникюр с покрытием гель-лак",
                                  "master:Мастер маникюра Ёлка", "query:маникюр", "query:маникюра"}));
    EXPECT_EQ(texts(index.find({U"мани"}, {}, 3)).size(), 3u);
    EXPECT_EQ(texts(index.find({U"pedi"}, {}, 8)), (std::vector<std::string>{"category:Педикюр"}));  // English
    EXPECT_EQ(texts(index.find({U"елк"}, {}, 8)), (std::vector<std::string>{"master:Мастер маникюра Ёлка"}));
    const auto master = index.find({U"анна"}, {}, 8);
    ASSERT_EQ(master.size(), 1u);
    EXPECT_EQ(master[0].id, "m1");
    EXPECT_TRUE(index.find({U"ногти анна"}, {}, 8).empty());  // words in their order only
    // Corrections are whole words of the vocabulary.
    EXPECT_EQ(texts(index.find({U"пдеи"}, {U"педикюр", U"педикюры"}, 8)), (std::vector<std::string>{"query:педикюр"}));
}

TEST(SearchQuery, RussianOnTheLatinLayoutIsReadOnlyAsWholeWords) {
    Vocabulary v;
    v.add("b");
    v.add("vbrjpj");
    // "микозоби" on the Latin keys is "vbrjpj,b": б sits on the comma; the pieces are no reading.
    for (const auto& a : parse_query("микозоби ", v).alternatives) {
        EXPECT_NE(a.word, "b");
        EXPECT_NE(a.word, "vbrjpj");
    }
    // A word without such letters has its Latin reading ("ghbdtn" is "привет").
    bool latin = false;
    for (const auto& a : parse_query("привет ", v).alternatives) latin = latin || a.word == "ghbdtn";
    EXPECT_TRUE(latin);
}

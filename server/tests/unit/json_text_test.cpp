#include "core/json_text.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>

namespace service::core {
namespace {

TEST(JsonText, WritesNumbersAsPeopleDo) {
    EXPECT_EQ(json_text(55.7558), "55.7558");
    EXPECT_EQ(json_text(37.6173), "37.6173");
    EXPECT_EQ(json_text(4.5), "4.5");
    EXPECT_EQ(json_text(1859.0), "1859");
    EXPECT_EQ(json_text(-0.25), "-0.25");
    EXPECT_EQ(json_text(0.0), "0");
    EXPECT_EQ(json_text(0.1 + 0.2), "0.30000000000000004");  // shortest text that reads back the same
    EXPECT_EQ(json_text(std::int64_t{-42}), "-42");
    EXPECT_EQ(json_text(std::uint64_t{18446744073709551615u}), "18446744073709551615");
    EXPECT_EQ(json_text(1e300), "1e+300");
}

TEST(JsonText, NonFiniteNumbersAreNull) {
    EXPECT_EQ(json_text(std::numeric_limits<double>::quiet_NaN()), "null");
    EXPECT_EQ(json_text(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonText, EscapesStringsAndKeys) {
    const boost::json::value v = {{"a\"b", "line\nnext\t\\ \x01 <ok> ёлка"}};
    EXPECT_EQ(json_text(v), "{\"a\\\"b\":\"line\\nnext\\t\\\\ \\u0001 <ok> ёлка\"}");
}

TEST(JsonText, WritesNestedValuesInOrder) {
    const boost::json::value v = {{"items", boost::json::array{1, 2.5, nullptr, true, "x"}},
                                  {"empty", boost::json::object{}},
                                  {"none", boost::json::array{}}};
    EXPECT_EQ(json_text(v), R"({"items":[1,2.5,null,true,"x"],"empty":{},"none":[]})");
}

TEST(JsonText, ReadsBackAsTheSameValue) {
    std::mt19937_64 rng(12345);
    std::uniform_real_distribution<double> coord(-180, 180);
    std::uniform_int_distribution<int> exponent(-300, 300);
    for (int i = 0; i < 20000; ++i) {
        const double d = i % 2 ? coord(rng) : std::ldexp(coord(rng), exponent(rng));
        const auto text = json_text(d);
        // Read back by a correctly rounded reader (a browser's JSON.parse is one; Boost.JSON
        // 1.81's parser is not, so it is not the judge here).
        double back = 0;
        const auto res = std::from_chars(text.data(), text.data() + text.size(), back);
        ASSERT_EQ(res.ptr, text.data() + text.size()) << text;
        ASSERT_EQ(back, d) << text;
    }
}

TEST(JsonText, RoundsToDecimals) {
    EXPECT_EQ(json_text(round_to(55.75582612345, 6)), "55.755826");
    EXPECT_EQ(json_text(round_to(37.6, 6)), "37.6");
    EXPECT_EQ(json_text(round_to(-12.3456789, 6)), "-12.345679");
}

}  // namespace
}  // namespace service::core

#include <gtest/gtest.h>

#include "core/http_types.hpp"
#include "core/problem.hpp"

using namespace service::core;

namespace {

std::optional<std::string> query(std::string_view text, std::string_view name) {
    Request req;
    req.query = text;
    return req.query_param(name);
}

}  // namespace

TEST(PercentDecode, DecodesEscapesAndPlus) {
    EXPECT_EQ(percent_decode("a%20b", false), "a b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");  // a path keeps '+'
    EXPECT_EQ(percent_decode("%2B", true), "+");
    EXPECT_EQ(percent_decode("%2b%2F", false), "+/");
    EXPECT_EQ(percent_decode("%D0%BC%D0%B0", true), "\xD0\xBC\xD0\xB0");  // "ма"
    EXPECT_EQ(percent_decode("", true), "");
    EXPECT_EQ(percent_decode("a|b{c}", true), "a|b{c}");  // raw characters outside RFC 3986 pass
}

TEST(PercentDecode, RejectsMalformedEscapesAndNul) {
    EXPECT_FALSE(percent_decode("%zz", true));
    EXPECT_FALSE(percent_decode("a%g1", true));
    EXPECT_FALSE(percent_decode("%", true));
    EXPECT_FALSE(percent_decode("%4", true));
    EXPECT_FALSE(percent_decode("ab%", false));
    EXPECT_FALSE(percent_decode("a%00b", true));
}

TEST(QueryParam, FindsDecodedValues) {
    EXPECT_EQ(query("q=nail+art&city=Moscow", "q"), "nail art");
    EXPECT_EQ(query("q=nail+art&city=Moscow", "city"), "Moscow");
    EXPECT_EQ(query("q=1%2B1", "q"), "1+1");
    EXPECT_EQ(query("n%61me=x", "name"), "x");  // keys are decoded too
    EXPECT_EQ(query("a=1=2", "a"), "1=2");      // only the first '=' splits
    EXPECT_EQ(query("flag&x=1", "flag"), "");
    EXPECT_EQ(query("flag=&x=1", "flag"), "");
    EXPECT_EQ(query("&&x=1&", "x"), "1");
    EXPECT_EQ(query("x=a|b", "x"), "a|b");
    EXPECT_FALSE(query("", "x"));
    EXPECT_FALSE(query("xx=1&y=2", "x"));
}

TEST(QueryParam, FirstOfRepeatedKeysWins) {
    EXPECT_EQ(query("tag=a&tag=b", "tag"), "a");
    EXPECT_EQ(query("other=1&tag=&tag=b", "tag"), "");
}

TEST(QueryParam, MalformedValueIsABadRequestOnlyWhenAskedFor) {
    try {
        query("q=%zz", "q");
        FAIL() << "expected ApiError";
    } catch (const ApiError& e) {
        EXPECT_EQ(e.status(), service::http::status::bad_request);
    }
    EXPECT_THROW(query("q=%4", "q"), ApiError);
    EXPECT_THROW(query("q=%00", "q"), ApiError);
    // Another parameter's bad escape, or a key that does not decode, is not this one's problem.
    EXPECT_EQ(query("x=%zz&q=2", "q"), "2");
    EXPECT_EQ(query("%zz=1&q=2", "q"), "2");
}

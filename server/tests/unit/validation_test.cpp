#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/validation.hpp"
#include "modules/auth/routes.hpp"
#include "modules/users/routes.hpp"

using namespace service;
using namespace service::core;

namespace {

boost::json::object obj(std::string_view text) { return boost::json::parse(text).as_object(); }

std::vector<FieldError> errors_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const ApiError& e) {
        EXPECT_EQ(e.status(), http::status::unprocessable_entity);
        return e.errors();
    }
    ADD_FAILURE() << "expected a 422";
    return {};
}

bool has_field(const std::vector<FieldError>& errors, std::string_view field) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; });
}

}  // namespace

TEST(Validator, CountsCharactersNotBytes) {
    const auto body = obj(R"({"name":"Анна"})");
    Validator v(body);
    EXPECT_EQ(*v.string("name", 1, 4, true), "Анна");
    Validator v2(body);
    EXPECT_FALSE(v2.string("name", 1, 3, true));
    EXPECT_FALSE(v2.ok());
}

TEST(Validator, ReportsEveryBadFieldAtOnce) {
    const auto body = obj(R"({"a": 5, "b": "x", "c": [1]})");
    Validator v(body);
    v.string("a", 1, 10, true);
    v.number("b", 0, 1, true);
    v.uuid_array("c", 5, true);
    v.string("missing", 1, 10, true);
    try {
        v.check();
        FAIL();
    } catch (const ApiError& e) {
        ASSERT_EQ(e.errors().size(), 4u);
        EXPECT_EQ(e.errors()[0].field, "a");
        EXPECT_EQ(e.errors()[3].message, "is required");
    }
}

TEST(Registration, NormalisesEmailAndDefaultsToClient) {
    const auto r =
        auth::parse_registration(obj(R"({"email":"  Anna@Example.COM ","password":"12345678","name":" Anna "})"));
    EXPECT_EQ(r.email, "anna@example.com");
    EXPECT_EQ(r.name, "Anna");
    EXPECT_EQ(r.role, "client");
}

TEST(Registration, RejectsAdminRoleShortAndLongPasswordsAndBadEmails) {
    auto errors = errors_of([] {
        auth::parse_registration(obj(R"({"email":"not-an-email","password":"short","name":"","role":"admin"})"));
    });
    EXPECT_TRUE(has_field(errors, "email"));
    EXPECT_TRUE(has_field(errors, "password"));
    EXPECT_TRUE(has_field(errors, "name"));
    EXPECT_TRUE(has_field(errors, "role"));
    const std::string long_password(73, 'p');
    errors = errors_of(
        [&] { auth::parse_registration(obj(R"({"email":"a@b.co","name":"A","password":")" + long_password + "\"}")); });
    EXPECT_TRUE(has_field(errors, "password"));
    errors = errors_of([] { auth::parse_registration(obj(R"({"email":5,"password":12345678,"name":null})")); });
    EXPECT_EQ(errors.size(), 3u);
}

TEST(Registration, SeventyTwoBytePasswordIsAccepted) {
    const std::string pw(72, 'p');
    EXPECT_NO_THROW(auth::parse_registration(obj(R"({"email":"a@b.co","name":"A","password":")" + pw + "\"}")));
}

TEST(EmailNormalisation, AcceptsAndRejects) {
    EXPECT_EQ(*auth::normalize_email(" A.B+tag@Mail.Example.ru "), "a.b+tag@mail.example.ru");
    for (const char* bad : {"", "a", "@b.co", "a@", "a@b", "a@@b.co", "a b@c.co", "a@.co", "a@b..co", "a@b.co."}) {
        EXPECT_FALSE(auth::normalize_email(bad)) << bad;
    }
}

TEST(ProfileChanges, DistinguishesAbsentFromNull) {
    const auto changes = users::parse_profile_changes(obj(R"({"city":null,"location":{"lat":55.7,"lon":37.6}})"));
    EXPECT_FALSE(changes.name);
    ASSERT_TRUE(changes.city);
    EXPECT_FALSE(changes.city->has_value());
    ASSERT_TRUE(changes.location && changes.location->has_value());
    EXPECT_DOUBLE_EQ((*changes.location)->lat, 55.7);
    EXPECT_FALSE(changes.interests);
}

TEST(ProfileChanges, ValidatesNestedLocationAndInterests) {
    const auto errors = errors_of(
        [] { users::parse_profile_changes(obj(R"({"location":{"lat":91,"lon":"x"},"interests":["nope"]})")); });
    EXPECT_TRUE(has_field(errors, "location.lat"));
    EXPECT_TRUE(has_field(errors, "location.lon"));
    EXPECT_TRUE(has_field(errors, "interests"));
    EXPECT_FALSE(errors_of([] { users::parse_profile_changes(obj("{}")); }).empty());
}

TEST(ProfileChanges, DeduplicatesInterests) {
    const auto changes = users::parse_profile_changes(
        obj(R"({"interests":["6F9619FF-8B86-D011-B42D-00C04FC964FF","6f9619ff-8b86-d011-b42d-00c04fc964ff"]})"));
    ASSERT_TRUE(changes.interests);
    ASSERT_EQ(changes.interests->size(), 1u);
    EXPECT_EQ((*changes.interests)[0], "6f9619ff-8b86-d011-b42d-00c04fc964ff");
}

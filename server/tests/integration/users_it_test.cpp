#include <gtest/gtest.h>

#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;

class UsersIT : public SharedServerTest<UsersIT> {
  protected:
    static HttpResult patch(const Account& a, const std::string& body) {
        return http_request(port(), http::verb::patch, "/api/v1/users/me", body, bearer(a.access_token));
    }
    static std::vector<std::string> category_ids() {
        std::vector<std::string> ids;
        const auto doc = get(port(), "/api/v1/categories").json();
        for (const auto& c : doc.at("items").as_array()) {
            ids.emplace_back(c.at("id").as_string());
        }
        return ids;
    }
};

TEST_F(UsersIT, CategoriesAreATwoLevelCatalogueInTwoLanguages) {
    const auto res = get(port(), "/api/v1/categories");
    ASSERT_EQ(res.status, 200);
    const auto doc = res.json();
    const auto& items = doc.at("items").as_array();
    int roots = 0, children = 0;
    for (const auto& c : items) {
        EXPECT_FALSE(c.at("name_ru").as_string().empty());
        EXPECT_FALSE(c.at("name_en").as_string().empty());
        (c.at("parent_id").is_null() ? roots : children)++;
    }
    EXPECT_GE(roots, 8);
    EXPECT_GE(children, 20);
}

TEST_F(UsersIT, ProfileEditsPersistAndNullClearsAField) {
    const auto a = register_account(port());
    const auto ids = category_ids();
    const auto res =
        patch(a, R"({"name":"  Анна  ","city":"Москва","location":{"lat":55.7558,"lon":37.6173},"interests":[")" +
                     ids[0] + "\",\"" + ids[1] + "\"]}");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto me = get(port(), "/api/v1/users/me", bearer(a.access_token)).json();
    EXPECT_EQ(me.at("name").as_string(), "Анна");
    EXPECT_EQ(me.at("city").as_string(), "Москва");
    EXPECT_NEAR(me.at("location").at("lat").to_number<double>(), 55.7558, 1e-9);
    EXPECT_NEAR(me.at("location").at("lon").to_number<double>(), 37.6173, 1e-9);
    EXPECT_EQ(me.at("interests").as_array().size(), 2u);

    ASSERT_EQ(patch(a, R"({"city":null,"location":null})").status, 200);
    const auto cleared = get(port(), "/api/v1/users/me", bearer(a.access_token)).json();
    EXPECT_TRUE(cleared.at("city").is_null());
    EXPECT_TRUE(cleared.at("location").is_null());
    EXPECT_EQ(cleared.at("name").as_string(), "Анна");  // untouched
    EXPECT_EQ(cleared.at("interests").as_array().size(), 2u);
}

TEST_F(UsersIT, UnknownCategoriesAndBadValuesAreRefusedWithoutChangingAnything) {
    const auto a = register_account(port());
    auto res = patch(a, R"({"interests":["6f9619ff-8b86-4011-b42d-00c04fc964ff"]})");
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(res.json().at("errors").as_array()[0].at("field").as_string(), "interests");
    res = patch(a, R"({"name":"New","location":{"lat":"north","lon":37}})");
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(a.access_token)).json().at("name").as_string(), "Test User");
    EXPECT_EQ(patch(a, R"({"name":"x","role":"admin"})").status, 200);
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(a.access_token)).json().at("role").as_string(), "client");
    EXPECT_EQ(patch(a, "[1,2]").status, 400);
    EXPECT_EQ(patch(a, "{\"name\": \"\xff\"}").status, 400);  // invalid UTF-8
}

TEST_F(UsersIT, EachUserSeesOnlyTheirOwnProfile) {
    const auto a = register_account(port());
    const auto b = register_account(port());
    ASSERT_EQ(patch(a, R"({"city":"Казань"})").status, 200);
    const auto mine = get(port(), "/api/v1/users/me", bearer(b.access_token)).json();
    EXPECT_EQ(mine.at("id").as_string(), b.id);
    EXPECT_TRUE(mine.at("city").is_null());
}

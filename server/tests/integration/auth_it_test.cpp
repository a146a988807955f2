// Every auth flow against the real server, PostgreSQL and Redis.
#include <gtest/gtest.h>

#include <future>

#include "core/jwt.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;
using boost::json::object;

class AuthIT : public SharedServerTest<AuthIT> {};

TEST_F(AuthIT, RegisterReturnsTheUserAndATokenPair) {
    const auto email = unique_email();
    const auto res = post_json(
        port(), "/api/v1/auth/register",
        object{{"email", "  " + email + " "}, {"password", "12345678"}, {"name", "Маша"}, {"role", "master"}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto body = res.json().as_object();
    const auto& user = body.at("user").as_object();
    std::string lowered = email;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), ::tolower);
    EXPECT_EQ(user.at("email").as_string(), lowered);
    EXPECT_EQ(user.at("name").as_string(), "Маша");
    EXPECT_EQ(user.at("role").as_string(), "master");
    EXPECT_TRUE(user.at("location").is_null());
    EXPECT_EQ(body.at("expires_in").as_int64(), 900);
    EXPECT_GT(body.at("refresh_token").as_string().size(), 30u);

    const auto me = get(port(), "/api/v1/users/me", bearer(std::string(body.at("access_token").as_string())));
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json().at("id"), user.at("id"));
}

TEST_F(AuthIT, EmailsAreUniqueIgnoringCaseAndSpaces) {
    const auto account = register_account(port());
    std::string upper = account.email;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    const auto res = post_json(port(), "/api/v1/auth/register",
                               object{{"email", " " + upper}, {"password", "12345678"}, {"name", "Dup"}});
    EXPECT_EQ(res.status, 409);
    EXPECT_EQ(res.json().at("code").as_string(), "email_taken");
    EXPECT_EQ(res.json().at("errors").as_array()[0].at("field").as_string(), "email");
}

TEST_F(AuthIT, NobodyRegistersAsAdmin) {
    const auto res =
        post_json(port(), "/api/v1/auth/register",
                  object{{"email", unique_email()}, {"password", "12345678"}, {"name", "X"}, {"role", "admin"}});
    EXPECT_EQ(res.status, 422);
    EXPECT_EQ(res.json().at("errors").as_array()[0].at("field").as_string(), "role");
}

TEST_F(AuthIT, LoginSucceedsWithAnyCaseOfTheEmail) {
    const auto account = register_account(port());
    const auto res =
        post_json(port(), "/api/v1/auth/login", object{{"email", account.email}, {"password", account.password}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json().at("user").at("id").as_string(), account.id);
}

TEST_F(AuthIT, UnknownEmailAndWrongPasswordLookTheSame) {
    const auto account = register_account(port());
    const auto wrong =
        post_json(port(), "/api/v1/auth/login", object{{"email", account.email}, {"password", "wrong-pass"}});
    const auto unknown =
        post_json(port(), "/api/v1/auth/login", object{{"email", unique_email()}, {"password", "wrong-pass"}});
    ASSERT_EQ(wrong.status, 401);
    ASSERT_EQ(unknown.status, 401);
    auto strip = [](boost::json::value v) {
        v.as_object().erase("instance");
        return v;
    };
    EXPECT_EQ(strip(wrong.json()), strip(unknown.json()));
    EXPECT_EQ(wrong.json().at("code").as_string(), "invalid_credentials");
}

TEST_F(AuthIT, RefreshRotatesAndTheOldTokenStopsWorking) {
    const auto account = register_account(port());
    const auto first = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}});
    ASSERT_EQ(first.status, 200) << first.body;
    const std::string next(first.json().at("refresh_token").as_string());
    EXPECT_NE(next, account.refresh_token);
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(std::string(first.json().at("access_token").as_string()))).status,
              200);
    const auto second = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", next}});
    EXPECT_EQ(second.status, 200);
}

TEST_F(AuthIT, AccessTokensExpireByTheServersClock) {
    const auto account = register_account(port());
    clock().advance(std::chrono::minutes(14));
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(account.access_token)).status, 200);
    clock().advance(std::chrono::minutes(2));  // 16 minutes: past the 15-minute lifetime
    const auto late = get(port(), "/api/v1/users/me", bearer(account.access_token));
    EXPECT_EQ(late.status, 401);
    EXPECT_EQ(late.json().at("code").as_string(), "token_expired");
    // A refresh at that time gives a token that is valid at that time.
    const auto fresh = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}});
    ASSERT_EQ(fresh.status, 200) << fresh.body;
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(std::string(fresh.json().at("access_token").as_string()))).status,
              200);
}

TEST_F(AuthIT, RefreshTokensExpireThirtyDaysAfterIssueByTheServersClock) {
    const auto early = register_account(port());
    const auto late = register_account(port());
    clock().advance(std::chrono::hours(24 * 29));
    const auto rotated = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", early.refresh_token}});
    ASSERT_EQ(rotated.status, 200) << rotated.body;
    clock().advance(std::chrono::hours(24 * 2));  // 31 days after the first pair, 2 after the rotation
    const auto expired = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", late.refresh_token}});
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.json().at("code").as_string(), "refresh_token_expired");
    // The rotated token counts its 30 days from its own issue.
    EXPECT_EQ(
        post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", rotated.json().at("refresh_token")}}).status,
        200);
}

TEST_F(AuthIT, ReusingARotatedTokenRevokesTheWholeFamily) {
    const auto account = register_account(port());
    const auto rotated = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}});
    ASSERT_EQ(rotated.status, 200);
    const std::string current(rotated.json().at("refresh_token").as_string());

    // An attacker replays the stolen, already-used token.
    const auto replay = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}});
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(replay.json().at("code").as_string(), "refresh_token_reused");
    // The legitimate holder's newest token is dead too.
    const auto victim = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", current}});
    EXPECT_EQ(victim.status, 401);

    // Other sessions of the same user are untouched.
    const auto other =
        post_json(port(), "/api/v1/auth/login", object{{"email", account.email}, {"password", account.password}});
    ASSERT_EQ(other.status, 200);
    EXPECT_EQ(
        post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", other.json().at("refresh_token")}}).status,
        200);
}

TEST_F(AuthIT, ConcurrentRefreshWithOneTokenLetsExactlyOneThrough) {
    const auto account = register_account(port());
    std::vector<std::future<int>> results;
    for (int i = 0; i < 4; ++i) {
        results.push_back(std::async(std::launch::async, [&] {
            return post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}}).status;
        }));
    }
    int ok = 0;
    for (auto& r : results) ok += r.get() == 200 ? 1 : 0;
    EXPECT_EQ(ok, 1);
}

TEST_F(AuthIT, LogoutRevokesTheRefreshToken) {
    const auto account = register_account(port());
    const auto res = post_json(port(), "/api/v1/auth/logout", object{{"refresh_token", account.refresh_token}});
    EXPECT_EQ(res.status, 204);
    EXPECT_TRUE(res.body.empty());
    const auto after = post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}});
    EXPECT_EQ(after.status, 401);
    // Logging out twice is harmless.
    EXPECT_EQ(post_json(port(), "/api/v1/auth/logout", object{{"refresh_token", account.refresh_token}}).status, 204);
}

TEST_F(AuthIT, BadAccessTokensAreRejected) {
    const auto account = register_account(port());
    const auto now = clock().now();
    const std::string secret = "integration-test-secret-0123456789abcdef";
    const std::vector<std::pair<std::string, std::string>> cases{
        {"missing", ""},
        {"malformed", "Bearer abc.def"},
        {"wrong scheme", "Basic " + account.access_token},
        {"other key", "Bearer " + core::jwt::Codec(std::string(40, 'z')).issue(account.id, "admin", now)},
        {"expired", "Bearer " + core::jwt::Codec(secret).issue(account.id, "client", now - std::chrono::hours(1))},
        {"alg none",
         "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTl9."},
        {"unknown user",
         "Bearer " + core::jwt::Codec(secret).issue("00000000-0000-4000-8000-000000000000", "client", now)},
    };
    for (const auto& [name, value] : cases) {
        service::testing::Headers headers;
        if (!value.empty()) headers.emplace_back("Authorization", value);
        const auto res = get(port(), "/api/v1/users/me", headers);
        EXPECT_EQ(res.status, 401) << name;
        EXPECT_EQ(res.header("Content-Type"), "application/problem+json") << name;
        EXPECT_EQ(res.header("WWW-Authenticate"), "Bearer") << name;
    }
    const auto expired = get(port(), "/api/v1/users/me",
                             bearer(core::jwt::Codec(secret).issue(account.id, "client", now - std::chrono::hours(1))));
    EXPECT_EQ(expired.json().at("code").as_string(), "token_expired");
}

TEST_F(AuthIT, BannedUsersLoseAccessImmediately) {
    const auto account = register_account(port());
    ASSERT_EQ(get(port(), "/api/v1/users/me", bearer(account.access_token)).status, 200);
    exec_sql("UPDATE users SET banned_at = now() WHERE id = '" + account.id + "'");
    EXPECT_EQ(get(port(), "/api/v1/users/me", bearer(account.access_token)).status, 401);
    EXPECT_EQ(post_json(port(), "/api/v1/auth/refresh", object{{"refresh_token", account.refresh_token}}).status, 401);
    const auto login =
        post_json(port(), "/api/v1/auth/login", object{{"email", account.email}, {"password", account.password}});
    EXPECT_EQ(login.status, 401);
    EXPECT_EQ(login.json().at("code").as_string(), "account_disabled");
}

TEST_F(AuthIT, PasswordsAreStoredAsBcrypt) {
    const auto account = register_account(port());
    // Checked through SQL: the hash must be $2b$ with cost >= 10, never the password.
    EXPECT_NO_THROW(
        exec_sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM users WHERE id = '" + account.id +
                 "' AND password_hash ~ '^\\$2b\\$1[0-9]\\$') THEN RAISE EXCEPTION 'not bcrypt'; END IF; END $$"));
}

#include <gtest/gtest.h>

#include <map>

#include "core/config.hpp"

using service::core::ConfigError;
using service::core::load_config;

namespace {

service::core::EnvLookup env_of(std::map<std::string, std::string> values) {
    return [values](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(std::string(name));
        if (it == values.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace

TEST(Config, DefaultsNeedOnlyADatabase) {
    const auto c = load_config(env_of({{"DATABASE_URL", "postgresql://x@127.0.0.1/db"}}));
    EXPECT_EQ(c.port, 8080);
    EXPECT_EQ(c.rate_limit_per_minute, 100);
    EXPECT_EQ(c.body_limit, 1024u * 1024u);
    EXPECT_TRUE(c.jwt_secret_generated);
    EXPECT_GE(c.jwt_secret.size(), 32u);
}

TEST(Config, MissingDatabaseIsAnError) { EXPECT_THROW(load_config(env_of({})), ConfigError); }

TEST(Config, ProductionRequiresAStrongJwtSecret) {
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"ENVIRONMENT", "production"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"JWT_SECRET", "short"}})), ConfigError);
    const auto c = load_config(
        env_of({{"DATABASE_URL", "x"}, {"ENVIRONMENT", "production"}, {"JWT_SECRET", std::string(40, 'k')}}));
    EXPECT_FALSE(c.jwt_secret_generated);
}

TEST(Config, ParsesListsNumbersAndRejectsGarbage) {
    const auto c = load_config(env_of({{"DATABASE_URL", "x"},
                                       {"PORT", "0"},
                                       {"CORS_ORIGINS", "https://a.example, https://b.example"},
                                       {"TRUSTED_PROXIES", "10.0.0.0/8,::1"},
                                       {"RATE_LIMIT_PER_MINUTE", "0"}}));
    EXPECT_EQ(c.port, 0);
    ASSERT_EQ(c.cors_origins.size(), 2u);
    EXPECT_EQ(c.cors_origins[1], "https://b.example");
    EXPECT_EQ(c.trusted_proxies.size(), 2u);
    EXPECT_EQ(c.rate_limit_per_minute, 0);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"PORT", "80a"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"PORT", "70000"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"TRUSTED_PROXIES", "10.0.0.0/99"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"LOG_LEVEL", "loud"}})), ConfigError);
}

TEST(Config, HelpNamesEverySetting) {
    const auto help = service::core::config_help();
    for (const char* name :
         {"PORT", "DATABASE_URL", "REDIS_URL", "JWT_SECRET", "CORS_ORIGINS", "LOG_LEVEL", "WORKERS", "TRUSTED_PROXIES",
          "RATE_LIMIT_PER_MINUTE", "AUTH_RATE_LIMIT_PER_MINUTE", "create-admin"}) {
        EXPECT_NE(help.find(name), std::string::npos) << name;
    }
}

TEST(Config, PushProviderIsLogUnlessFcmIsConfigured) {
    const auto defaults = load_config(env_of({{"DATABASE_URL", "x"}}));
    EXPECT_EQ(defaults.push_provider, "log");
    EXPECT_EQ(defaults.fcm_endpoint, "https://fcm.googleapis.com");
    EXPECT_TRUE(defaults.fcm_credentials_file.empty());

    const auto fcm = load_config(env_of({{"DATABASE_URL", "x"},
                                         {"PUSH_PROVIDER", "fcm"},
                                         {"FCM_CREDENTIALS_FILE", "/etc/service/fcm.json"},
                                         {"FCM_ENDPOINT", "http://127.0.0.1:9099/"}}));
    EXPECT_EQ(fcm.push_provider, "fcm");
    EXPECT_EQ(fcm.fcm_credentials_file, "/etc/service/fcm.json");
    EXPECT_EQ(fcm.fcm_endpoint, "http://127.0.0.1:9099");

    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"PUSH_PROVIDER", "apns"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"}, {"PUSH_PROVIDER", "fcm"}})), ConfigError);
    EXPECT_THROW(load_config(env_of({{"DATABASE_URL", "x"},
                                     {"PUSH_PROVIDER", "fcm"},
                                     {"FCM_CREDENTIALS_FILE", "/etc/service/fcm.json"},
                                     {"FCM_ENDPOINT", "fcm.googleapis.com"}})),
                 ConfigError);
    const auto help = service::core::config_help();
    for (const char* name : {"PUSH_PROVIDER", "FCM_CREDENTIALS_FILE", "FCM_ENDPOINT"}) {
        EXPECT_NE(help.find(name), std::string::npos) << name;
    }
}

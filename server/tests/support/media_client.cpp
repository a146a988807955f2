#include "support/media_client.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <boost/json/serialize.hpp>

namespace service::testing::media_client {

using boost::json::object;

std::string target_of(const std::string& url) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return slash == std::string::npos ? "/" : url.substr(slash);
}

Upload start(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& type,
             std::int64_t size) {
    Upload u;
    u.created =
        post_json(port, "/api/v1/media/uploads",
                  object{{"purpose", purpose}, {"content_type", type}, {"size_bytes", size}}, bearer(who.access_token));
    if (u.created.status == 201) {
        const auto body = u.created.json();
        u.id = std::string(body.at("media").at("id").as_string());
        u.url = std::string(body.at("upload").at("url").as_string());
    }
    return u;
}

HttpResult put_bytes(std::uint16_t port, const std::string& url, const std::string& bytes, const std::string& type) {
    return http_request(port, http::verb::put, target_of(url), bytes, {{"Content-Type", type}});
}

std::string upload(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& bytes,
                   const std::string& declared) {
    auto u = start(port, who, purpose, declared, static_cast<std::int64_t>(bytes.size()));
    EXPECT_EQ(u.created.status, 201) << u.created.body;
    const auto put = put_bytes(port, u.url, bytes, declared);
    EXPECT_EQ(put.status, 204) << put.body;
    const auto done = post_json(port, "/api/v1/media/" + u.id + "/complete", object{}, bearer(who.access_token));
    EXPECT_TRUE(done.status == 202 || done.status == 200) << done.body;
    return u.id;
}

object settled(std::uint16_t port, const Account& who, const std::string& id) {
    object last;
    for (int i = 0; i < 300; ++i) {
        const auto res = get(port, "/api/v1/media/" + id, bearer(who.access_token));
        if (res.status != 200) return object{{"http_status", res.status}};
        last = res.json().as_object();
        const auto status = last.at("status").as_string();
        if (status == "ready" || status == "failed") return last;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return last;
}

std::string ready_photo(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& bytes,
                        const std::string& declared) {
    const auto id = upload(port, who, purpose, bytes, declared);
    const auto media = settled(port, who, id);
    EXPECT_EQ(media.contains("status") ? media.at("status").as_string() : "", "ready") << boost::json::serialize(media);
    return id;
}

std::string variant_url(const object& media, const char* name, const char* key) {
    return std::string(media.at("variants").at(name).at(key).as_string());
}

}  // namespace service::testing::media_client

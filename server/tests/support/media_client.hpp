#pragma once
#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

#include "support/http_client.hpp"
#include "support/test_env.hpp"

/// The upload flow as a client runs it (POST /media/uploads, PUT, complete, poll), for the tests
/// of every module that attaches photos.
namespace service::testing::media_client {

struct Upload {
    std::string id;
    std::string url;
    HttpResult created;
};

/// "http://127.0.0.1:1234/api/…" → "/api/…"
std::string target_of(const std::string& url);

/// POST /api/v1/media/uploads; id and url are set when it answered 201.
Upload start(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& type,
             std::int64_t size);
/// PUT of the bytes to an upload URL of our own server.
HttpResult put_bytes(std::uint16_t port, const std::string& url, const std::string& bytes, const std::string& type);
/// Starts, uploads and completes a photo (failing the test on an unexpected answer); its id.
std::string upload(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& bytes,
                   const std::string& declared = "image/jpeg");
/// Polls GET /media/{id} as `who` until it is ready or failed (or 30 s pass); {http_status}
/// when the GET itself failed.
boost::json::object settled(std::uint16_t port, const Account& who, const std::string& id);
/// upload() and settled(): the id of a ready photo (failing the test otherwise).
std::string ready_photo(std::uint16_t port, const Account& who, const std::string& purpose, const std::string& bytes,
                        const std::string& declared = "image/png");
/// media.variants.<name>.<key> ("url" is the WebP, "jpeg_url" the JPEG).
std::string variant_url(const boost::json::object& media, const char* name, const char* key = "url");

}  // namespace service::testing::media_client

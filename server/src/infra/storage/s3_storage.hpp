#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "infra/storage/storage.hpp"

namespace service::infra::storage {

struct S3Settings {
    /// Scheme, host and optional port, nothing else: "http://127.0.0.1:9000",
    /// "https://s3.eu-central-1.amazonaws.com".
    std::string endpoint;
    std::string region;
    std::string bucket;
    std::string access_key_id;
    std::string secret_access_key;
    /// Path-style URLs (http://host/bucket/key), what MinIO and most self-hosted stores want;
    /// otherwise virtual-hosted ones (http://bucket.host/key), which need a DNS-name endpoint.
    bool force_path_style = false;
    /// Where public objects are served from (a CDN, the bucket's website): public_url() is
    /// this + "/" + key; unset, public_url() is nullopt and our server serves them.
    std::optional<std::string> public_base_url;
};

/// Storage on S3 or an S3-compatible store, over libcurl, signed with our SigV4 code.
/// Every call blocks (one HTTP exchange on its own curl handle; connect timeout 5 s, whole
/// exchange 120 s): run it on the BlockingPool. Safe to call from several threads at once.
/// A key that fails valid_key() and a content type with control characters are programming
/// errors: std::invalid_argument. What S3 refuses becomes a StorageError carrying S3's error
/// code and message.
class S3Storage final : public Storage {
  public:
    /// Throws std::invalid_argument when the endpoint is not http(s)://host[:port], a
    /// credential or the region is empty, or S3 would refuse the bucket name.
    S3Storage(S3Settings settings, const core::Clock& clock);

    void put_file(const std::string& key, const std::filesystem::path& source, std::string_view content_type) override;
    bool get_file(const std::string& key, const std::filesystem::path& destination) override;
    std::optional<ObjectInfo> head(const std::string& key) override;
    void remove(const std::string& key) override;
    std::optional<PresignedRequest> presign_put(const std::string& key, std::string_view content_type,
                                                std::chrono::seconds lifetime) override;
    std::optional<std::string> presign_get(const std::string& key, std::chrono::seconds lifetime) override;
    std::optional<std::string> public_url(const std::string& key) override;

    /// The object's URL without a query ("http://127.0.0.1:9000/media/a/original").
    std::string object_url(const std::string& key) const;
    /// The Host every request sends and signs: the endpoint's host (the bucket's subdomain
    /// when virtual-hosted), with ":port" only when the port is not the scheme's default. It
    /// never comes from anything but the settings, so a proxy in front cannot change it.
    const std::string& host() const { return host_; }

  private:
    struct Exchange;
    struct Reply;

    std::string object_path(const std::string& key) const;
    Reply perform(const Exchange& exchange) const;
    [[noreturn]] void fail(const Exchange& exchange, const Reply& reply) const;
    PresignedRequest presign(std::string_view method, const std::string& key, std::string_view content_type,
                             std::chrono::seconds lifetime) const;

    S3Settings settings_;
    const core::Clock& clock_;
    std::string origin_;  // "scheme://host[:port]" requests go to
    std::string host_;
};

}  // namespace service::infra::storage

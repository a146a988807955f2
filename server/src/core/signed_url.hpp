#pragma once
#include <chrono>
#include <string>
#include <string_view>

namespace service::core {

/// Expiring HMAC-SHA256 signatures for URLs our own server hands out (the local backend's
/// upload URL, a chat photo's read URL): `sign(resource, expires)` gives the query string
/// "expires=<unix seconds>&sig=<base64url>", and verify() checks both against the same
/// resource text. The resource names everything the URL grants ("PUT /api/v1/media/<id>/upload
/// 15728640"), so a signature cannot be moved to another object, method or size.
class UrlSigner {
  public:
    /// `secret` is derived from JWT_SECRET by the caller, so every node verifies every node's URLs.
    explicit UrlSigner(std::string secret) : secret_(std::move(secret)) {}

    std::string sign(std::string_view resource, std::chrono::system_clock::time_point expires) const;

    enum class Verdict { kValid, kExpired, kInvalid };
    /// `expires` and `signature` are the query parameters as received. An invalid signature
    /// wins over expiry (a tampered link is never reported as merely expired).
    Verdict verify(std::string_view resource, std::string_view expires, std::string_view signature,
                   std::chrono::system_clock::time_point now) const;

  private:
    std::string mac(std::string_view resource, std::string_view expires) const;
    std::string secret_;
};

}  // namespace service::core

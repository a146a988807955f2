#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.hpp"

/// A Google service account (the JSON key file the Firebase console hands out) and the signed
/// assertion that the OAuth 2.0 JWT-bearer grant exchanges for an access token.
namespace service::infra::push {

struct ServiceAccount {
    std::string project_id;
    std::string private_key_id;
    std::string private_key;  // PEM, PKCS#8 ("-----BEGIN PRIVATE KEY-----")
    std::string client_email;
    std::string token_uri;  // "https://oauth2.googleapis.com/token"
};

/// Parses the key file's JSON. Throws core::ConfigError naming the missing or malformed field
/// (never quoting the private key).
ServiceAccount parse_service_account(std::string_view json);
/// Reads and parses the file. Throws core::ConfigError when it cannot be read or parsed.
ServiceAccount load_service_account(const std::filesystem::path& path);

/// An RSA private key that signs RS256 (RSASSA-PKCS1-v1_5 with SHA-256). Signing is
/// thread-safe: every call uses its own digest context over the read-only key.
class RsaSigner {
  public:
    /// Throws core::ConfigError when the PEM is not an RSA private key.
    explicit RsaSigner(std::string_view pem);
    ~RsaSigner();
    RsaSigner(RsaSigner&&) noexcept;
    RsaSigner& operator=(RsaSigner&&) noexcept;

    /// The raw signature bytes (256 for a 2048-bit key).
    std::string sign(std::string_view data) const;

  private:
    struct Key;
    std::unique_ptr<Key> key_;
};

inline constexpr std::string_view kFcmScope = "https://www.googleapis.com/auth/firebase.messaging";
inline constexpr std::string_view kJwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/// Google accepts assertions that live at most an hour.
inline constexpr std::chrono::seconds kAssertionLifetime{3600};

/// The RS256 JWT for the JWT-bearer grant: header {alg RS256, typ JWT, kid private_key_id},
/// claims {iss client_email, scope firebase.messaging, aud token_uri, iat now, exp iat + 1 h}.
std::string make_assertion(const ServiceAccount& account, const RsaSigner& signer, core::TimePoint now);

}  // namespace service::infra::push

#pragma once
#include <optional>
#include <string>
#include <string_view>

/// Thin wrappers over OpenSSL 3: CSPRNG, SHA-256, HMAC-SHA256, base64url.
namespace service::core {

std::string random_bytes(std::size_t n);
/// `n` random bytes as unpadded base64url text (what we hand out as opaque tokens).
std::string random_token(std::size_t n);
/// RFC 4122 version 4 UUID text.
std::string random_uuid();

std::string sha256(std::string_view data);  // 32 raw bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes

std::string base64url_encode(std::string_view data);
/// Strict: rejects padding, whitespace and characters outside the base64url alphabet.
std::optional<std::string> base64url_decode(std::string_view text);

/// Standard base64 with padding (RFC 4648 section 4), as Engine.IO polling uses for binary.
std::string base64_encode(std::string_view data);
/// Strict: padding required, no whitespace; nullopt otherwise.
std::optional<std::string> base64_decode(std::string_view text);

/// Comparison whose time does not depend on where the inputs differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace service::core

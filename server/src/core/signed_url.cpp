#include "core/signed_url.hpp"

#include <charconv>

#include "core/crypto.hpp"

namespace service::core {

std::string UrlSigner::mac(std::string_view resource, std::string_view expires) const {
    std::string text(resource);
    text += '\n';
    text += expires;
    return base64url_encode(hmac_sha256(secret_, text));
}

std::string UrlSigner::sign(std::string_view resource, std::chrono::system_clock::time_point expires) const {
    const auto seconds =
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(expires.time_since_epoch()).count());
    return "expires=" + seconds + "&sig=" + mac(resource, seconds);
}

UrlSigner::Verdict UrlSigner::verify(std::string_view resource, std::string_view expires, std::string_view signature,
                                     std::chrono::system_clock::time_point now) const {
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(expires.data(), expires.data() + expires.size(), seconds);
    if (ec != std::errc() || end != expires.data() + expires.size() || expires.empty()) return Verdict::kInvalid;
    if (!constant_time_equal(mac(resource, expires), signature)) return Verdict::kInvalid;
    if (std::chrono::system_clock::time_point(std::chrono::seconds(seconds)) <= now) return Verdict::kExpired;
    return Verdict::kValid;
}

}  // namespace service::core

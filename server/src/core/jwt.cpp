#include "core/jwt.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/crypto.hpp"

namespace service::core::jwt {
namespace {

constexpr std::size_t kMaxTokenLength = 4096;
constexpr std::int64_t kLeewaySeconds = 30;
// The header we issue; parsed headers only need alg == HS256 and an optional typ == JWT.
constexpr std::string_view kHeaderJson = R"({"alg":"HS256","typ":"JWT"})";

std::int64_t to_seconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

std::string_view to_string(Error e) {
    switch (e) {
        case Error::kMalformed:
            return "malformed token";
        case Error::kBadAlgorithm:
            return "unsupported algorithm";
        case Error::kBadSignature:
            return "bad signature";
        case Error::kExpired:
            return "token expired";
        case Error::kNotYetValid:
            return "token not yet valid";
    }
    return "invalid token";
}

Codec::Codec(std::string secret, std::chrono::seconds ttl) : secret_(std::move(secret)), ttl_(ttl) {}

std::string Codec::issue(std::string_view sub, std::string_view role, std::chrono::system_clock::time_point now) const {
    boost::json::object payload;
    payload["sub"] = sub;
    payload["role"] = role;
    payload["iat"] = to_seconds(now);
    payload["exp"] = to_seconds(now + ttl_);
    std::string token = base64url_encode(kHeaderJson);
    token.push_back('.');
    token += base64url_encode(boost::json::serialize(payload));
    const auto signature = hmac_sha256(secret_, token);
    token.push_back('.');
    token += base64url_encode(signature);
    return token;
}

boost::system::result<Claims, Error> Codec::verify(std::string_view token,
                                                   std::chrono::system_clock::time_point now) const {
    if (token.empty() || token.size() > kMaxTokenLength) return Error::kMalformed;
    const auto dot1 = token.find('.');
    if (dot1 == std::string_view::npos) return Error::kMalformed;
    const auto dot2 = token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) return Error::kMalformed;

    const auto header_text = base64url_decode(token.substr(0, dot1));
    const auto payload_text = base64url_decode(token.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = base64url_decode(token.substr(dot2 + 1));
    if (!header_text || !payload_text || !signature) return Error::kMalformed;

    boost::system::error_code ec;
    const auto header = boost::json::parse(*header_text, ec);
    if (ec || !header.is_object()) return Error::kMalformed;
    const auto* alg = header.as_object().if_contains("alg");
    if (alg == nullptr || !alg->is_string() || alg->as_string() != "HS256") return Error::kBadAlgorithm;
    if (const auto* typ = header.as_object().if_contains("typ"); typ != nullptr) {
        if (!typ->is_string() || typ->as_string() != "JWT") return Error::kMalformed;
    }

    // Check the signature before trusting anything in the payload.
    const auto expected = hmac_sha256(secret_, token.substr(0, dot2));
    if (!constant_time_equal(expected, *signature)) return Error::kBadSignature;

    const auto payload = boost::json::parse(*payload_text, ec);
    if (ec || !payload.is_object()) return Error::kMalformed;
    const auto& obj = payload.as_object();
    const auto* sub = obj.if_contains("sub");
    const auto* role = obj.if_contains("role");
    const auto* iat = obj.if_contains("iat");
    const auto* exp = obj.if_contains("exp");
    if (sub == nullptr || !sub->is_string() || role == nullptr || !role->is_string() || iat == nullptr ||
        !iat->is_int64() || exp == nullptr || !exp->is_int64()) {
        return Error::kMalformed;
    }
    Claims claims{std::string(sub->as_string()), std::string(role->as_string()), iat->as_int64(), exp->as_int64()};
    const auto now_s = to_seconds(now);
    if (claims.exp <= now_s - kLeewaySeconds) return Error::kExpired;
    if (claims.iat > now_s + kLeewaySeconds) return Error::kNotYetValid;
    return claims;
}

}  // namespace service::core::jwt

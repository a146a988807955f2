#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

/// JWT HS256, written by hand on OpenSSL HMAC: the algorithm is fixed, never taken from the token.
namespace service::core::jwt {

struct Claims {
    std::string sub;   // user id
    std::string role;  // client | master | admin
    std::int64_t iat = 0;
    std::int64_t exp = 0;
};

enum class Error { kMalformed, kBadAlgorithm, kBadSignature, kExpired, kNotYetValid };
std::string_view to_string(Error e);

class Codec {
  public:
    explicit Codec(std::string secret, std::chrono::seconds ttl = std::chrono::minutes(15));

    /// Issues a token for `sub`/`role` valid for the configured ttl from `now`.
    std::string issue(std::string_view sub, std::string_view role, std::chrono::system_clock::time_point now) const;
    boost::system::result<Claims, Error> verify(std::string_view token,
                                                std::chrono::system_clock::time_point now) const;
    std::chrono::seconds ttl() const { return ttl_; }

  private:
    std::string secret_;
    std::chrono::seconds ttl_;
};

}  // namespace service::core::jwt

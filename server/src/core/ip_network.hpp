#pragma once
#include <optional>
#include <string_view>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

namespace service::core {

/// An IPv4 or IPv6 network ("10.0.0.0/8", "::1", "192.168.1.5"); a bare address is a /32 or /128.
/// Host bits in the text are allowed and ignored ("10.1.2.3/8" is 10.0.0.0/8). An IPv4 network
/// also matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1).
class IpNetwork {
  public:
    static std::optional<IpNetwork> parse(std::string_view text);
    bool contains(const boost::asio::ip::address& address) const;

  private:
    bool v4_ = true;
    boost::asio::ip::network_v4 network_v4_;
    boost::asio::ip::network_v6 network_v6_;
};

}  // namespace service::core

#pragma once
#include <optional>
#include <string_view>

#include <boost/asio/ip/address.hpp>

namespace service::core {

/// An IPv4 or IPv6 network ("10.0.0.0/8", "::1", "192.168.1.5"); a bare address is a /32 or /128.
class IpNetwork {
  public:
    static std::optional<IpNetwork> parse(std::string_view text);
    bool contains(const boost::asio::ip::address& address) const;

  private:
    boost::asio::ip::address base_;
    unsigned prefix_ = 0;
};

}  // namespace service::core

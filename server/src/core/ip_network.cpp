#include "core/ip_network.hpp"

#include <string>

namespace service::core {
namespace ip = boost::asio::ip;

std::optional<IpNetwork> IpNetwork::parse(std::string_view text) {
    const std::string s(text);
    boost::system::error_code ec;
    const bool has_prefix = s.find('/') != std::string::npos;
    const auto base = ip::make_address(has_prefix ? s.substr(0, s.find('/')) : s, ec);
    if (ec) return std::nullopt;
    IpNetwork net;
    net.v4_ = base.is_v4();
    // Asio validates the prefix: digits only, at most 32 / 128.
    if (net.v4_) {
        net.network_v4_ = has_prefix ? ip::make_network_v4(s, ec) : ip::network_v4(base.to_v4(), 32);
    } else {
        net.network_v6_ = has_prefix ? ip::make_network_v6(s, ec) : ip::network_v6(base.to_v6(), 128);
    }
    if (ec) return std::nullopt;
    return net;
}

bool IpNetwork::contains(const ip::address& address) const {
    // The address is inside when masking it to our prefix gives our network address.
    if (v4_) {
        ip::address_v4 v4;
        if (address.is_v4()) {
            v4 = address.to_v4();
        } else if (address.to_v6().is_v4_mapped()) {
            v4 = ip::make_address_v4(ip::v4_mapped, address.to_v6());
        } else {
            return false;
        }
        return ip::network_v4(v4, network_v4_.prefix_length()).network() == network_v4_.network();
    }
    if (!address.is_v6()) return false;
    return ip::network_v6(address.to_v6(), network_v6_.prefix_length()).network() == network_v6_.network();
}

}  // namespace service::core

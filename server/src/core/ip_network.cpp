#include "core/ip_network.hpp"

#include <charconv>
#include <string>

namespace service::core {
namespace {

template <std::size_t N>
bool prefix_equal(const std::array<unsigned char, N>& a, const std::array<unsigned char, N>& b, unsigned prefix) {
    const unsigned full = prefix / 8;
    for (unsigned i = 0; i < full; ++i) {
        if (a[i] != b[i]) return false;
    }
    const unsigned rest = prefix % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
    return (a[full] & mask) == (b[full] & mask);
}

}  // namespace

std::optional<IpNetwork> IpNetwork::parse(std::string_view text) {
    IpNetwork net;
    const auto slash = text.find('/');
    boost::system::error_code ec;
    net.base_ = boost::asio::ip::make_address(std::string(text.substr(0, slash)), ec);
    if (ec) return std::nullopt;
    const unsigned max_prefix = net.base_.is_v4() ? 32 : 128;
    net.prefix_ = max_prefix;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        unsigned value = 0;
        const auto [ptr, err] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (err != std::errc{} || ptr != digits.data() + digits.size() || value > max_prefix) return std::nullopt;
        net.prefix_ = value;
    }
    return net;
}

bool IpNetwork::contains(const boost::asio::ip::address& address) const {
    auto addr = address;
    if (addr.is_v6() && addr.to_v6().is_v4_mapped() && base_.is_v4()) {
        addr = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, addr.to_v6());
    }
    if (addr.is_v4() != base_.is_v4()) return false;
    if (addr.is_v4()) return prefix_equal(addr.to_v4().to_bytes(), base_.to_v4().to_bytes(), prefix_);
    return prefix_equal(addr.to_v6().to_bytes(), base_.to_v6().to_bytes(), prefix_);
}

}  // namespace service::core

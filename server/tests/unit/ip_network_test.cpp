#include <gtest/gtest.h>

#include "core/ip_network.hpp"

using service::core::IpNetwork;

namespace {

bool in(std::string_view network, const char* address) {
    const auto net = IpNetwork::parse(network);
    EXPECT_TRUE(net) << network;
    return net && net->contains(boost::asio::ip::make_address(address));
}

}  // namespace

TEST(IpNetwork, Ipv4Edges) {
    EXPECT_TRUE(in("10.0.0.0/8", "10.0.0.0"));
    EXPECT_TRUE(in("10.0.0.0/8", "10.255.255.255"));
    EXPECT_FALSE(in("10.0.0.0/8", "11.0.0.0"));
    EXPECT_FALSE(in("10.0.0.0/8", "9.255.255.255"));
    EXPECT_TRUE(in("192.168.1.128/25", "192.168.1.200"));
    EXPECT_FALSE(in("192.168.1.128/25", "192.168.1.127"));
    EXPECT_TRUE(in("0.0.0.0/0", "203.0.113.7"));
    EXPECT_TRUE(in("192.168.1.5", "192.168.1.5"));  // a bare address is a /32
    EXPECT_FALSE(in("192.168.1.5", "192.168.1.6"));
    EXPECT_TRUE(in("192.168.1.5/32", "192.168.1.5"));
    EXPECT_TRUE(in("10.1.2.3/8", "10.200.0.1"));  // host bits are ignored
}

TEST(IpNetwork, Ipv6Edges) {
    EXPECT_TRUE(in("::1", "::1"));
    EXPECT_FALSE(in("::1", "::2"));
    EXPECT_TRUE(in("2001:db8::/32", "2001:db8:ffff::1"));
    EXPECT_FALSE(in("2001:db8::/32", "2001:db9::1"));
    EXPECT_TRUE(in("fd00::/7", "fdff::1"));
    EXPECT_FALSE(in("fd00::/7", "fe00::1"));
    EXPECT_TRUE(in("2001:db8::/127", "2001:db8::1"));
    EXPECT_FALSE(in("2001:db8::/127", "2001:db8::2"));
    EXPECT_TRUE(in("::/0", "2001:db8::1"));
}

TEST(IpNetwork, FamiliesAndMappedAddresses) {
    EXPECT_TRUE(in("10.1.0.0/16", "::ffff:10.1.0.9"));  // IPv4-mapped matches an IPv4 network
    EXPECT_FALSE(in("10.1.0.0/16", "::ffff:10.2.0.9"));
    EXPECT_FALSE(in("::1", "127.0.0.1"));
    EXPECT_FALSE(in("127.0.0.1", "::1"));
    EXPECT_FALSE(in("0.0.0.0/0", "2001:db8::1"));
    EXPECT_FALSE(in("::/0", "10.0.0.1"));
}

TEST(IpNetwork, RejectsMalformedText) {
    EXPECT_FALSE(IpNetwork::parse("300.1.1.1"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/33"));
    EXPECT_FALSE(IpNetwork::parse("::/129"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/-1"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/8x"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/8/8"));
    EXPECT_FALSE(IpNetwork::parse(""));
    EXPECT_FALSE(IpNetwork::parse("localhost"));
}

#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>

#include "core/crypto.hpp"
#include "core/ip_network.hpp"

using namespace service::core;

TEST(Base64Url, RoundTripsAllLengths) {
    for (std::size_t n = 0; n < 40; ++n) {
        const auto data = random_bytes(n);
        const auto text = base64url_encode(data);
        EXPECT_EQ(text.find_first_of("+/="), std::string::npos);
        const auto back = base64url_decode(text);
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, data);
    }
}

TEST(Base64Url, RejectsNonCanonicalInput) {
    EXPECT_FALSE(base64url_decode("ab=").has_value());
    EXPECT_FALSE(base64url_decode("a").has_value());
    EXPECT_FALSE(base64url_decode("ab+c").has_value());
    EXPECT_FALSE(base64url_decode("QR").has_value());  // stray low bits
    EXPECT_EQ(*base64url_decode("QQ"), "A");
}

TEST(Crypto, Sha256AndHmacMatchKnownVectors) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // RFC 4231 test case 2.
    const auto mac = hmac_sha256("Jefe", "what do ya want for nothing?");
    std::string hex;
    for (unsigned char c : mac) {
        static constexpr char kHex[] = "0123456789abcdef";
        hex.push_back(kHex[c >> 4]);
        hex.push_back(kHex[c & 15]);
    }
    EXPECT_EQ(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, UuidsAreVersion4) {
    const auto id = random_uuid();
    ASSERT_EQ(id.size(), 36u);
    EXPECT_EQ(id[14], '4');
    EXPECT_NE(random_uuid(), id);
}

TEST(IpNetwork, MatchesCidrsAndMappedAddresses) {
    const auto net = IpNetwork::parse("10.1.0.0/16");
    ASSERT_TRUE(net);
    EXPECT_TRUE(net->contains(boost::asio::ip::make_address("10.1.200.3")));
    EXPECT_FALSE(net->contains(boost::asio::ip::make_address("10.2.0.1")));
    EXPECT_TRUE(net->contains(boost::asio::ip::make_address("::ffff:10.1.0.9")));
    const auto single = IpNetwork::parse("::1");
    ASSERT_TRUE(single);
    EXPECT_TRUE(single->contains(boost::asio::ip::make_address("::1")));
    EXPECT_FALSE(single->contains(boost::asio::ip::make_address("127.0.0.1")));
    EXPECT_FALSE(IpNetwork::parse("300.1.1.1"));
    EXPECT_FALSE(IpNetwork::parse("10.0.0.0/33"));
}

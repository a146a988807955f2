#include <gtest/gtest.h>

#include "infra/redis.hpp"

using service::infra::encode_command;

TEST(RedisResp, EncodesArraysOfBulkStrings) {
    EXPECT_EQ(encode_command({"PING"}), "*1\r\n$4\r\nPING\r\n");
    EXPECT_EQ(encode_command({"SET", "key", "value"}), "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");
}

TEST(RedisResp, ArgumentsAreBinarySafe) {
    const std::string binary("a\0b\r\n", 5);
    EXPECT_EQ(encode_command({"SET", "", binary}), std::string("*3\r\n$3\r\nSET\r\n$0\r\n\r\n$5\r\na\0b\r\n\r\n", 30));
    // Spaces and '%' are data, not format directives.
    EXPECT_EQ(encode_command({"PUBLISH", "ch", "%s %d {\"x\": 1}"}),
              "*3\r\n$7\r\nPUBLISH\r\n$2\r\nch\r\n$14\r\n%s %d {\"x\": 1}\r\n");
}

TEST(RedisResp, LongArgumentLength) {
    const std::string big(100000, 'x');
    const auto out = encode_command({"SET", "k", big});
    EXPECT_EQ(out.substr(0, 29), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\n");
    EXPECT_EQ(out.size(), 29 + big.size() + 2);
}

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/crypto.hpp"
#include "realtime/packets.hpp"

using namespace service::realtime;
namespace json = boost::json;

TEST(Base64, RoundTripsAllLengthsAndRejectsJunk) {
    for (std::size_t n = 0; n < 20; ++n) {
        const auto data = service::core::random_bytes(n);
        const auto text = service::core::base64_encode(data);
        EXPECT_EQ(text.size() % 4, 0u);
        EXPECT_EQ(service::core::base64_decode(text), data);
    }
    EXPECT_EQ(service::core::base64_decode("AQIDBA=="), std::string("\x01\x02\x03\x04", 4));
    EXPECT_FALSE(service::core::base64_decode("AQIDBA=").has_value());
    EXPECT_FALSE(service::core::base64_decode("AQ=DBA==").has_value());
    EXPECT_FALSE(service::core::base64_decode("AQID BA=").has_value());
}

TEST(EngineIoPayload, SplitsTextAndBinaryPackets) {
    const auto packets = decode_eio_payload(
        "4hello\x1e"
        "bAQIDBA==\x1e"
        "3");
    ASSERT_TRUE(packets.has_value());
    ASSERT_EQ(packets->size(), 3u);
    EXPECT_EQ((*packets)[0].type, EioType::kMessage);
    EXPECT_EQ((*packets)[0].data, "hello");
    EXPECT_TRUE((*packets)[1].binary);
    EXPECT_EQ((*packets)[1].data, std::string("\x01\x02\x03\x04", 4));
    EXPECT_EQ((*packets)[2].type, EioType::kPong);
    EXPECT_EQ(encode_eio_payload(*packets),
              "4hello\x1e"
              "bAQIDBA==\x1e"
              "3");
}

TEST(EngineIoPayload, RejectsMalformedBodies) {
    EXPECT_FALSE(decode_eio_payload("").has_value());
    EXPECT_FALSE(decode_eio_payload("abc").has_value());
    EXPECT_FALSE(decode_eio_payload("4a\x1e").has_value());  // an empty packet after the separator
    EXPECT_FALSE(decode_eio_payload("b!!!").has_value());
    EXPECT_FALSE(decode_eio_text("9x").has_value());
}

TEST(SocketIoPacket, ParsesEveryPartOfTheHeader) {
    auto p = decode_sio(R"(52-/chat,17["upload",{"_placeholder":true,"num":0},{"a":{"_placeholder":true,"num":1}}])");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->type, SioType::kBinaryEvent);
    EXPECT_EQ(p->attachment_count, 2u);
    EXPECT_EQ(p->nsp, "/chat");
    EXPECT_EQ(p->id, 17u);

    p = decode_sio("0/custom");  // no trailing comma on input is fine
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->type, SioType::kConnect);
    EXPECT_EQ(p->nsp, "/custom");
    EXPECT_FALSE(p->data.has_value());

    p = decode_sio(R"(0{"token":"abc"})");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->nsp, "/");
    EXPECT_EQ(to_json(*p->data), R"({"token":"abc"})");
}

TEST(SocketIoPacket, RejectsWhatTheReferenceRejects) {
    EXPECT_FALSE(decode_sio("abc").has_value());                             // unknown type
    EXPECT_FALSE(decode_sio("2{}").has_value());                             // event payload not an array
    EXPECT_FALSE(decode_sio("2[]").has_value());                             // no event name
    EXPECT_FALSE(decode_sio("2[1]").has_value());                            // event name not a string
    EXPECT_FALSE(decode_sio(R"(2abc["x"])").has_value());                    // invalid ack id
    EXPECT_FALSE(decode_sio("0[1]").has_value());                            // CONNECT payload not an object
    EXPECT_FALSE(decode_sio("1{}").has_value());                             // DISCONNECT carries nothing
    EXPECT_FALSE(decode_sio("3[1]").has_value());                            // ACK without id
    EXPECT_FALSE(decode_sio(R"(4{"message":"x"})").has_value());             // CONNECT_ERROR from a client
    EXPECT_FALSE(decode_sio(R"(51-["x"])").has_value());                     // announced attachment missing
    EXPECT_FALSE(decode_sio(R"(5-["x"])").has_value());                      // no attachment count
    EXPECT_FALSE(decode_sio(R"(2["x",)").has_value());                       // truncated JSON
    EXPECT_FALSE(decode_sio(R"(2999999999999999999999["x"])").has_value());  // ack id overflow
}

TEST(SocketIoPacket, EncodesWithNamespaceCommaAndAttachmentsAfterTheHeader) {
    SioPacket packet;
    packet.type = SioType::kEvent;
    packet.nsp = "/custom";
    packet.data = json::parse(R"(["message-back",{"z":1,"a":[true,null,"x"]}])");
    auto frames = encode_sio(packet);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(encode_eio_text(frames[0]), R"(42/custom,["message-back",{"z":1,"a":[true,null,"x"]}])");

    packet.nsp = "/";
    packet.type = SioType::kAck;
    packet.id = 789;
    packet.data = json::parse(R"([{"_placeholder":true,"num":0}])");
    packet.attachments = {std::string("\x01\x02\x03", 3)};
    frames = encode_sio(packet);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(encode_eio_text(frames[0]), R"(461-789[{"_placeholder":true,"num":0}])");
    EXPECT_TRUE(frames[1].binary);
    EXPECT_EQ(frames[1].data, std::string("\x01\x02\x03", 3));
}

TEST(SocketIoPacket, PlaceholdersMustCoverEachAttachmentOnce) {
    EXPECT_TRUE(
        placeholders_valid(json::parse(R"([{"_placeholder":true,"num":1},[{"_placeholder":true,"num":0}]])"), 2));
    EXPECT_FALSE(
        placeholders_valid(json::parse(R"([{"_placeholder":true,"num":0},{"_placeholder":true,"num":0}])"), 2));
    EXPECT_FALSE(placeholders_valid(json::parse(R"([{"_placeholder":true,"num":2}])"), 1));
}

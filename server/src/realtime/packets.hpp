#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

/// Wire formats of Engine.IO v4 and Socket.IO v5: pure functions, no I/O.
namespace service::realtime {

// ---- Engine.IO -------------------------------------------------------------------------

enum class EioType : char {
    kOpen = '0',
    kClose = '1',
    kPing = '2',
    kPong = '3',
    kMessage = '4',
    kUpgrade = '5',
    kNoop = '6',
};

/// One Engine.IO packet. A binary packet is always a message; its data is the raw bytes.
struct EioPacket {
    EioType type = EioType::kMessage;
    std::string data;
    bool binary = false;

    static EioPacket text(EioType type, std::string data = {}) { return {type, std::move(data), false}; }
    static EioPacket bytes(std::string data) { return {EioType::kMessage, std::move(data), true}; }
};

/// A WebSocket text frame: "<type><data>". nullopt for an empty frame or an unknown type.
std::optional<EioPacket> decode_eio_text(std::string_view frame);
/// The text frame for a non-binary packet.
std::string encode_eio_text(const EioPacket& packet);

/// An HTTP long-polling body: packets separated by U+001E; binary ones as "b<base64>".
/// nullopt when any packet is malformed (the session must then be closed).
std::optional<std::vector<EioPacket>> decode_eio_payload(std::string_view body);
std::string encode_eio_payload(const std::vector<EioPacket>& packets);

// ---- Socket.IO -------------------------------------------------------------------------

enum class SioType : char {
    kConnect = '0',
    kDisconnect = '1',
    kEvent = '2',
    kAck = '3',
    kConnectError = '4',
    kBinaryEvent = '5',
    kBinaryAck = '6',
};

/// One Socket.IO packet. `attachments` holds the binary parts of BINARY_EVENT / BINARY_ACK;
/// `data` keeps the `{"_placeholder":true,"num":N}` objects that point at them.
struct SioPacket {
    SioType type = SioType::kEvent;
    std::string nsp = "/";
    std::optional<std::uint64_t> id;
    std::optional<boost::json::value> data;
    std::size_t attachment_count = 0;  // announced in the header of a binary packet
    std::vector<std::string> attachments;
};

/// Parses the header packet (the Engine.IO message text). Checks what the reference parser
/// checks: a known type, the attachment count of binary packets, a numeric ack id, valid
/// JSON, and the payload shape of the type (CONNECT: object or nothing; EVENT: non-empty
/// array starting with the event name; ACK: array; DISCONNECT: nothing). nullopt if not.
std::optional<SioPacket> decode_sio(std::string_view text);

/// The Engine.IO messages for `packet`: the header text and then one binary message per
/// attachment. Namespaces other than "/" are written with the trailing comma.
std::vector<EioPacket> encode_sio(const SioPacket& packet);

/// Counts `{"_placeholder":true,"num":N}` objects anywhere in `value` and checks that they
/// number 0..count-1, each exactly once.
bool placeholders_valid(const boost::json::value& value, std::size_t count);

/// Compact JSON text; object key order is kept as received or inserted.
std::string to_json(const boost::json::value& value);

}  // namespace service::realtime

#include "realtime/packets.hpp"

#include <boost/json/parse.hpp>

#include "core/crypto.hpp"
#include "core/json_text.hpp"

namespace service::realtime {
namespace json = boost::json;
namespace {

constexpr char kSeparator = '\x1e';

bool is_eio_type(char c) { return c >= '0' && c <= '6'; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads decimal digits at `pos`; nullopt when there are none or the number overflows.
std::optional<std::uint64_t> read_number(std::string_view text, std::size_t& pos) {
    const auto start = pos;
    std::uint64_t value = 0;
    while (pos < text.size() && is_digit(text[pos])) {
        if (pos - start >= 18) return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(text[pos] - '0');
        ++pos;
    }
    if (pos == start) return std::nullopt;
    return value;
}

bool payload_shape_valid(SioType type, const std::optional<json::value>& data) {
    switch (type) {
        case SioType::kConnect:
            return !data || data->is_object();
        case SioType::kDisconnect:
            return !data;
        case SioType::kEvent:
        case SioType::kBinaryEvent:
            return data && data->is_array() && !data->as_array().empty() && data->as_array().front().is_string();
        case SioType::kAck:
        case SioType::kBinaryAck:
            return data && data->is_array();
        case SioType::kConnectError:
            return false;  // only ever sent by a server
    }
    return false;
}

void count_placeholders(const json::value& value, std::vector<int>& seen, bool& ok) {
    if (!ok) return;
    if (value.is_array()) {
        for (const auto& item : value.as_array()) count_placeholders(item, seen, ok);
    } else if (value.is_object()) {
        const auto& object = value.as_object();
        const auto* flag = object.if_contains("_placeholder");
        if (flag != nullptr && flag->is_bool() && flag->as_bool()) {
            const auto* num = object.if_contains("num");
            if (num == nullptr || !num->is_int64() || num->as_int64() < 0 ||
                static_cast<std::size_t>(num->as_int64()) >= seen.size()) {
                ok = false;
                return;
            }
            ++seen[static_cast<std::size_t>(num->as_int64())];
            return;
        }
        for (const auto& entry : object) count_placeholders(entry.value(), seen, ok);
    }
}

}  // namespace

std::optional<EioPacket> decode_eio_text(std::string_view frame) {
    if (frame.empty() || !is_eio_type(frame.front())) return std::nullopt;
    return EioPacket::text(static_cast<EioType>(frame.front()), std::string(frame.substr(1)));
}

std::string encode_eio_text(const EioPacket& packet) {
    std::string out;
    out.reserve(packet.data.size() + 1);
    out.push_back(static_cast<char>(packet.type));
    out += packet.data;
    return out;
}

std::optional<std::vector<EioPacket>> decode_eio_payload(std::string_view body) {
    std::vector<EioPacket> packets;
    std::size_t start = 0;
    while (start <= body.size()) {
        auto end = body.find(kSeparator, start);
        if (end == std::string_view::npos) end = body.size();
        const auto part = body.substr(start, end - start);
        if (!part.empty() && part.front() == 'b') {
            auto bytes = core::base64_decode(part.substr(1));
            if (!bytes) return std::nullopt;
            packets.push_back(EioPacket::bytes(std::move(*bytes)));
        } else {
            auto packet = decode_eio_text(part);
            if (!packet) return std::nullopt;
            packets.push_back(std::move(*packet));
        }
        start = end + 1;
    }
    return packets;
}

std::string encode_eio_payload(const std::vector<EioPacket>& packets) {
    std::string out;
    for (const auto& packet : packets) {
        if (!out.empty()) out.push_back(kSeparator);
        if (packet.binary) {
            out.push_back('b');
            out += core::base64_encode(packet.data);
        } else {
            out += encode_eio_text(packet);
        }
    }
    return out;
}

std::optional<SioPacket> decode_sio(std::string_view text) {
    if (text.empty() || text.front() < '0' || text.front() > '6') return std::nullopt;
    SioPacket packet;
    packet.type = static_cast<SioType>(text.front());
    std::size_t pos = 1;
    if (packet.type == SioType::kBinaryEvent || packet.type == SioType::kBinaryAck) {
        const auto count = read_number(text, pos);
        if (!count || pos >= text.size() || text[pos] != '-' || *count > 1000) return std::nullopt;
        packet.attachment_count = static_cast<std::size_t>(*count);
        ++pos;
    }
    if (pos < text.size() && text[pos] == '/') {
        const auto comma = text.find(',', pos);
        const auto end = comma == std::string_view::npos ? text.size() : comma;
        packet.nsp = std::string(text.substr(pos, end - pos));
        pos = comma == std::string_view::npos ? text.size() : comma + 1;
    }
    if (pos < text.size() && is_digit(text[pos])) {
        const auto id = read_number(text, pos);
        if (!id) return std::nullopt;
        packet.id = *id;
    }
    if (pos < text.size()) {
        boost::system::error_code ec;
        auto value = json::parse(text.substr(pos), ec);
        if (ec) return std::nullopt;
        packet.data = std::move(value);
    }
    if (!payload_shape_valid(packet.type, packet.data)) return std::nullopt;
    if (packet.id && packet.type != SioType::kEvent && packet.type != SioType::kBinaryEvent &&
        packet.type != SioType::kAck && packet.type != SioType::kBinaryAck) {
        return std::nullopt;
    }
    if ((packet.type == SioType::kAck || packet.type == SioType::kBinaryAck) && !packet.id) return std::nullopt;
    if (packet.attachment_count > 0 && !placeholders_valid(*packet.data, packet.attachment_count)) return std::nullopt;
    return packet;
}

std::vector<EioPacket> encode_sio(const SioPacket& packet) {
    SioType type = packet.type;
    const bool binary = !packet.attachments.empty();
    if (binary && type == SioType::kEvent) type = SioType::kBinaryEvent;
    if (binary && type == SioType::kAck) type = SioType::kBinaryAck;
    std::string text(1, static_cast<char>(type));
    if (binary) {
        text += std::to_string(packet.attachments.size());
        text.push_back('-');
    }
    if (packet.nsp != "/") {
        text += packet.nsp;
        text.push_back(',');
    }
    if (packet.id) text += std::to_string(*packet.id);
    if (packet.data) text += to_json(*packet.data);
    std::vector<EioPacket> out;
    out.reserve(1 + packet.attachments.size());
    out.push_back(EioPacket::text(EioType::kMessage, std::move(text)));
    for (const auto& attachment : packet.attachments) out.push_back(EioPacket::bytes(attachment));
    return out;
}

bool placeholders_valid(const json::value& value, std::size_t count) {
    std::vector<int> seen(count, 0);
    bool ok = true;
    count_placeholders(value, seen, ok);
    if (!ok) return false;
    for (int n : seen) {
        if (n != 1) return false;
    }
    return true;
}

std::string to_json(const json::value& value) { return core::json_text(value); }

}  // namespace service::realtime

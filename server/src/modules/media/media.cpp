#include "modules/media/media.hpp"

#include <boost/json/parse.hpp>

namespace service::media {

std::optional<Purpose> parse_purpose(std::string_view text) {
    if (text == "avatar") return Purpose::kAvatar;
    if (text == "portfolio") return Purpose::kPortfolio;
    if (text == "post") return Purpose::kPost;
    if (text == "chat") return Purpose::kChat;
    return std::nullopt;
}

std::string_view to_string(Purpose purpose) {
    switch (purpose) {
        case Purpose::kAvatar:
            return "avatar";
        case Purpose::kPortfolio:
            return "portfolio";
        case Purpose::kPost:
            return "post";
        case Purpose::kChat:
            return "chat";
    }
    return "avatar";
}

Media media_from_row(const db::Row& row) {
    Media m;
    m.id = row.get<std::string>(0);
    m.owner_id = row.get<std::string>(1);
    const auto purpose = parse_purpose(row.text(2));
    if (!purpose) throw db::DecodeError("column purpose has an unknown value");
    m.purpose = *purpose;
    m.status = row.get<std::string>(3);
    m.failure_reason = row.get<std::optional<std::string>>(4);
    m.width = row.get<std::optional<int>>(5);
    m.height = row.get<std::optional<int>>(6);
    m.placeholder = row.get<std::optional<std::string>>(7);
    const auto variants = boost::json::parse(row.text(8));
    for (const auto& [name, size] : variants.as_object()) {
        const auto& s = size.as_object();
        m.variants.emplace(std::string(name), VariantSize{static_cast<int>(s.at("width").to_number<std::int64_t>()),
                                                          static_cast<int>(s.at("height").to_number<std::int64_t>())});
    }
    m.created_at = row.get<std::string>(9);
    m.upload_expires_at = row.get<std::string>(10);
    m.declared_type = row.get<std::string>(11);
    m.max_bytes = row.get<std::int64_t>(12);
    m.received_bytes = row.get<std::optional<std::int64_t>>(13);
    m.detected_type = row.get<std::optional<std::string>>(14);
    m.attempts = row.get<int>(15);
    m.uploaded = row.get<bool>(16);
    return m;
}

std::string original_key(std::string_view id) { return "media/" + std::string(id) + "/original"; }

std::string variant_key(std::string_view id, std::string_view name, std::string_view format) {
    return "media/" + std::string(id) + "/" + std::string(name) + "." + std::string(format);
}

void remove_files(infra::storage::Storage& storage, std::string_view id) {
    storage.remove(original_key(id));
    for (auto name : kVariantNames)
        for (auto format : kVariantFormats) storage.remove(variant_key(id, name, format));
}

}  // namespace service::media

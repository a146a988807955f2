#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "db/result.hpp"
#include "infra/storage/storage.hpp"

namespace service::media {

/// What a photo is for; decides who may see it (chat photos are private) and where it may be used.
enum class Purpose { kAvatar, kPortfolio, kPost, kChat };
std::optional<Purpose> parse_purpose(std::string_view text);
std::string_view to_string(Purpose purpose);

struct VariantSize {
    int width = 0;
    int height = 0;
};

/// The variants every ready photo has, each as WebP and JPEG.
inline constexpr std::string_view kVariantNames[] = {"thumb", "medium", "large"};
inline constexpr std::string_view kVariantFormats[] = {"webp", "jpg"};

/// A row of the media table (the columns of sql/media_columns.sql.in).
struct Media {
    std::string id;
    std::string owner_id;
    Purpose purpose = Purpose::kAvatar;
    std::string status;  // pending | processing | ready | failed
    std::optional<std::string> failure_reason;
    std::optional<int> width;
    std::optional<int> height;
    std::optional<std::string> placeholder;
    std::map<std::string, VariantSize, std::less<>> variants;
    std::string created_at;
    std::string upload_expires_at;
    std::string declared_type;
    std::int64_t max_bytes = 0;
    std::optional<std::int64_t> received_bytes;
    std::optional<std::string> detected_type;
    int attempts = 0;
    bool uploaded = false;

    bool is_public() const { return purpose != Purpose::kChat; }
    bool ready() const { return status == "ready"; }
};

Media media_from_row(const db::Row& row);

/// Storage keys: everything of one photo lives under media/<id>/.
std::string original_key(std::string_view id);
std::string variant_key(std::string_view id, std::string_view name, std::string_view format);

/// Removes the original and every variant of a photo from the store (blocking: a worker's job).
void remove_files(infra::storage::Storage& storage, std::string_view id);

}  // namespace service::media

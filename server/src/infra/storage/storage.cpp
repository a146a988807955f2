#include "infra/storage/storage.hpp"

namespace service::infra::storage {
namespace {

constexpr std::size_t kMaxKeyBytes = 512;

bool key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

}  // namespace

bool valid_key(std::string_view key) {
    if (key.empty() || key.size() > kMaxKeyBytes) return false;
    std::size_t start = 0;
    while (true) {
        const auto slash = key.find('/', start);
        const auto segment =
            key.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        // Also rejects a leading '/', a trailing '/' and "//": each makes an empty segment.
        if (segment.empty() || segment == "." || segment == "..") return false;
        for (const char c : segment) {
            if (!key_char(c)) return false;
        }
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

}  // namespace service::infra::storage

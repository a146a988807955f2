#include "infra/storage/storage.hpp"

#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

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

std::optional<std::string> Storage::get_bytes(const std::string& key) {
    namespace fs = std::filesystem;
    const auto temp = fs::temp_directory_path() / ("service-get-" + core::random_token(12));
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ignored;
            fs::remove(path, ignored);
        }
    } remove_after{temp};
    if (!get_file(key, temp)) return std::nullopt;
    std::ifstream in(temp, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    return std::move(data).str();
}

}  // namespace service::infra::storage

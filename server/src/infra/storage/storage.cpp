#include "infra/storage/storage.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace service::infra::storage {

bool valid_key(std::string_view key) {
    if (key.empty() || key.size() > 512) return false;
    std::size_t start = 0;
    while (start <= key.size()) {
        const auto end = std::min(key.find('/', start), key.size());
        const auto segment = key.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        const bool allowed = std::all_of(segment.begin(), segment.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                   c == '-';
        });
        if (!allowed) return false;
        start = end + 1;
    }
    return true;
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

#include "modules/auth/password.hpp"

#include <crypt.h>

#include <memory>
#include <stdexcept>

#include "core/crypto.hpp"

namespace service::auth {

std::string hash_password(std::string_view password, int cost) {
    const std::string entropy = core::random_bytes(16);
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // The cost must always be passed: 0 would silently mean the library default.
    if (crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), entropy.data(), static_cast<int>(entropy.size()),
                         setting, sizeof setting) == nullptr) {
        throw std::runtime_error("crypt_gensalt_rn failed");
    }
    auto data = std::make_unique<crypt_data>();  // 32 KiB: keep it off the stack
    const std::string pw(password);
    const char* out = crypt_rn(pw.c_str(), setting, data.get(), sizeof(crypt_data));
    if (out == nullptr || out[0] == '*') throw std::runtime_error("crypt_rn failed");
    return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
    auto data = std::make_unique<crypt_data>();
    const std::string pw(password);
    const char* out = crypt_rn(pw.c_str(), hash.c_str(), data.get(), sizeof(crypt_data));
    if (out == nullptr || out[0] == '*') return false;
    return core::constant_time_equal(out, hash);
}

}  // namespace service::auth

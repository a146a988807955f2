#pragma once
#include <string>
#include <string_view>

/// bcrypt ($2b$) through libxcrypt. Both calls take tens of milliseconds by design: run them
/// on the blocking pool, never on an I/O thread.
namespace service::auth {

std::string hash_password(std::string_view password, int cost);
/// Constant-time comparison of the recomputed hash.
bool verify_password(std::string_view password, const std::string& hash);

}  // namespace service::auth

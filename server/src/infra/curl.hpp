#pragma once
#include <string>
#include <string_view>

/// What the libcurl clients (storage/s3_storage, push/fcm_provider) share.
namespace service::infra::curl {

/// curl_global_init, once per process (it must not race with itself); throws std::runtime_error
/// when libcurl cannot start.
void global_init();

/// ASCII lower case (header names, URL schemes and hosts).
std::string lowercase(std::string_view text);

/// Without the spaces and tabs around it, and the line end after it (a header line's parts).
std::string_view trim(std::string_view text);

}  // namespace service::infra::curl

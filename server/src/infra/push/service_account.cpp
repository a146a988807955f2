#include "infra/push/service_account.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/config.hpp"
#include "core/crypto.hpp"

namespace service::infra::push {
namespace {

// A real key file is about 2.3 KB; a much larger "credentials file" is something else.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{64} * 1024;

std::string required_string(const boost::json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (value == nullptr || !value->is_string() || value->as_string().empty()) {
        throw core::ConfigError("FCM service account: \"" + std::string(name) + "\" is missing or not a string");
    }
    return std::string(value->as_string());
}

struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

}  // namespace

ServiceAccount parse_service_account(std::string_view json) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(json, ec);
    if (ec || !parsed.is_object()) throw core::ConfigError("FCM service account: not a JSON object");
    const auto& object = parsed.as_object();
    if (const auto* type = object.if_contains("type"); type != nullptr) {
        if (!type->is_string() || type->as_string() != "service_account") {
            throw core::ConfigError("FCM service account: \"type\" must be \"service_account\"");
        }
    }
    ServiceAccount account;
    account.project_id = required_string(object, "project_id");
    account.private_key_id = required_string(object, "private_key_id");
    account.private_key = required_string(object, "private_key");
    account.client_email = required_string(object, "client_email");
    account.token_uri = required_string(object, "token_uri");
    if (!account.token_uri.starts_with("https://") && !account.token_uri.starts_with("http://")) {
        throw core::ConfigError("FCM service account: token_uri must be an http(s) URL");
    }
    // The project id becomes a path segment of every send.
    for (const char c : account.project_id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '.' || c == ':' || c == '_';
        if (!ok) throw core::ConfigError("FCM service account: project_id has a character not allowed in a URL path");
    }
    return account;
}

ServiceAccount load_service_account(const std::filesystem::path& path) {
    const std::string where = "FCM_CREDENTIALS_FILE " + path.string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw core::ConfigError(where + ": " + ec.message());
    if (size > kMaxFileBytes) throw core::ConfigError(where + ": too large for a service-account key file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::ConfigError(where + ": cannot be opened");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
        auto account = parse_service_account(text);
        RsaSigner check(account.private_key);  // fail at start-up, not at the first send
        return account;
    } catch (const core::ConfigError& e) {
        throw core::ConfigError(where + ": " + e.what());
    }
}

struct RsaSigner::Key {
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

RsaSigner::RsaSigner(std::string_view pem) : key_(std::make_unique<Key>()) {
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) throw core::ConfigError("FCM service account: cannot read private_key");
    // A null passphrase callback with no passphrase: an encrypted key fails instead of prompting.
    key_->pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char*>(""));
    if (key_->pkey == nullptr) throw core::ConfigError("FCM service account: private_key is not a PEM private key");
    if (EVP_PKEY_get_base_id(key_->pkey) != EVP_PKEY_RSA) {
        throw core::ConfigError("FCM service account: private_key is not an RSA key");
    }
    if (EVP_PKEY_get_bits(key_->pkey) < 2048) {
        throw core::ConfigError("FCM service account: private_key is shorter than 2048 bits");
    }
}

RsaSigner::~RsaSigner() = default;
RsaSigner::RsaSigner(RsaSigner&&) noexcept = default;
RsaSigner& RsaSigner::operator=(RsaSigner&&) noexcept = default;

std::string RsaSigner::sign(std::string_view data) const {
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_->pkey) != 1) {
        throw std::runtime_error("RS256: EVP_DigestSignInit failed");
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t length = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &length, bytes, data.size()) != 1) {
        throw std::runtime_error("RS256: EVP_DigestSign failed");
    }
    std::string signature(length, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, bytes, data.size()) !=
        1) {
        throw std::runtime_error("RS256: EVP_DigestSign failed");
    }
    signature.resize(length);
    return signature;
}

std::string make_assertion(const ServiceAccount& account, const RsaSigner& signer, core::TimePoint now) {
    const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const boost::json::object header{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", account.private_key_id}};
    const boost::json::object claims{{"iss", account.client_email},
                                     {"scope", kFcmScope},
                                     {"aud", account.token_uri},
                                     {"iat", iat},
                                     {"exp", iat + kAssertionLifetime.count()}};
    std::string jwt = core::base64url_encode(boost::json::serialize(header));
    jwt.push_back('.');
    jwt += core::base64url_encode(boost::json::serialize(claims));
    const auto signature = signer.sign(jwt);
    jwt.push_back('.');
    jwt += core::base64url_encode(signature);
    return jwt;
}

}  // namespace service::infra::push

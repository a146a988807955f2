#include "infra/storage/s3_storage.hpp"

#include <curl/curl.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include <boost/url/parse.hpp>

#include "core/crypto.hpp"
#include "infra/curl.hpp"
#include "infra/storage/sigv4.hpp"

namespace service::infra::storage {
namespace {

constexpr long kConnectTimeoutMs = 5'000;
constexpr long kTotalTimeoutMs = 120'000;
// An S3 error document is a few hundred bytes; anything longer is not one.
constexpr std::size_t kMaxErrorBody = 64 * std::size_t{1024};

struct EasyCleanup {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct FileClose {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileClose>;

// S3's rule for bucket names (which also makes them valid DNS labels for virtual hosting).
bool valid_bucket(std::string_view name) {
    if (name.size() < 3 || name.size() > 63) return false;
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(name.front()) || !alnum(name.back())) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) { return alnum(c) || c == '-' || c == '.'; });
}

bool ip_literal(std::string_view host) {
    if (host.starts_with('[')) return true;
    return std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

void check_key(const std::string& key) {
    if (!valid_key(key)) throw std::invalid_argument("storage: invalid object key '" + key + "'");
}

// A header value goes into the request as it is: no CR, LF or other control characters.
void check_header_value(std::string_view value) {
    const bool clean = std::none_of(value.begin(), value.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; });
    if (!clean) throw std::invalid_argument("storage: control character in a content type");
}

std::string xml_unescape(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities{
        {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, c] : kEntities) {
                if (text.substr(i).starts_with(entity)) {
                    out.push_back(c);
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out.push_back(text[i++]);
    }
    return out;
}

// The text of the first <tag>…</tag> in an S3 error document ("" when absent).
std::string xml_field(std::string_view body, std::string_view tag) {
    const std::string open = "<" + std::string(tag) + ">";
    const std::string close = "</" + std::string(tag) + ">";
    const auto start = body.find(open);
    if (start == std::string_view::npos) return {};
    const auto from = start + open.size();
    const auto end = body.find(close, from);
    if (end == std::string_view::npos) return {};
    return xml_unescape(body.substr(from, end - from));
}

// Hex SHA-256 and size of the file's bytes from its current position to the end.
std::pair<std::string, std::uint64_t> file_sha256(std::FILE* file) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw StorageError("SHA-256 init failed");
    std::array<char, 64 * std::size_t{1024}> buffer{};
    std::uint64_t size = 0;
    while (true) {
        const auto n = std::fread(buffer.data(), 1, buffer.size(), file);
        if (n > 0) {
            if (EVP_DigestUpdate(ctx.get(), buffer.data(), n) != 1) throw StorageError("SHA-256 update failed");
            size += n;
        }
        if (n < buffer.size()) break;
    }
    if (std::ferror(file)) throw StorageError(std::string("reading the upload failed: ") + std::strerror(errno));
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1) throw StorageError("SHA-256 final failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0F]);
    }
    return {hex, size};
}

// Removes a download's temporary file unless it was renamed into place.
class TempFile {
  public:
    explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        std::error_code ignored;
        if (!kept_) std::filesystem::remove(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }
    void keep() { kept_ = true; }

  private:
    std::filesystem::path path_;
    bool kept_ = false;
};

struct Upload {
    std::FILE* file = nullptr;
    std::uint64_t remaining = 0;
};

std::size_t on_read(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& upload = *static_cast<Upload*>(user);
    const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(size * count, upload.remaining));
    const auto n = std::fread(buffer, 1, wanted, upload.file);
    if (n < wanted && std::ferror(upload.file)) return CURL_READFUNC_ABORT;
    upload.remaining -= n;
    return n;
}

}  // namespace

struct S3Storage::Exchange {
    std::string method;
    std::string key;
    sigv4::Headers headers;  // signed, besides host and the x-amz-* ones
    std::string payload_hash = std::string(sigv4::kEmptyPayloadHash);
    Upload* upload = nullptr;
    std::FILE* download = nullptr;  // where a 2xx body goes
};

struct S3Storage::Reply {
    long status = 0;
    std::string body;  // non-2xx bodies only (S3's error document), capped
    std::optional<std::uint64_t> content_length;
    std::string content_type;
    std::string etag;
    std::string error_code;  // from the error document
    bool ok() const { return status >= 200 && status < 300; }
};

namespace {

struct Transfer {
    CURL* handle = nullptr;
    std::FILE* download = nullptr;
    bool download_failed = false;
    std::string body;
    std::optional<std::uint64_t> content_length;
    std::string content_type;
    std::string etag;
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        // A new response (after "100 Continue"): forget the previous one's headers.
        t.content_length.reset();
        t.content_type.clear();
        t.etag.clear();
        return line.size();
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return line.size();
    const auto name = curl::lowercase(curl::trim(line.substr(0, colon)));
    const auto value = curl::trim(line.substr(colon + 1));
    if (name == "content-length") {
        std::uint64_t n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc{} && end == value.data() + value.size()) t.content_length = n;
    } else if (name == "content-type") {
        t.content_type = std::string(value);
    } else if (name == "etag") {
        t.etag = std::string(value);
    }
    return line.size();
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const auto n = size * count;
    long status = 0;
    curl_easy_getinfo(t.handle, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300 && t.download != nullptr) {
        if (std::fwrite(data, 1, n, t.download) != n) {
            t.download_failed = true;
            return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
        }
        return n;
    }
    if (t.body.size() < kMaxErrorBody) t.body.append(data, std::min(n, kMaxErrorBody - t.body.size()));
    return n;
}

template <typename T>
void set(CURL* handle, CURLoption option, T value) {
    if (curl_easy_setopt(handle, option, value) != CURLE_OK) throw StorageError("curl_easy_setopt failed");
}

}  // namespace

S3Storage::S3Storage(S3Settings settings, const core::Clock& clock) : settings_(std::move(settings)), clock_(clock) {
    const auto parsed = boost::urls::parse_uri(settings_.endpoint);
    if (!parsed) throw std::invalid_argument("S3 endpoint is not a URL: " + settings_.endpoint);
    const auto& url = *parsed;
    const auto scheme = curl::lowercase(url.scheme());
    const bool path_ok = url.encoded_path().empty() || url.encoded_path() == "/";
    if ((scheme != "http" && scheme != "https") || !url.has_authority() || url.has_userinfo() ||
        url.encoded_host().empty() || !path_ok || url.has_query() || url.has_fragment()) {
        throw std::invalid_argument("S3 endpoint must be http(s)://host[:port]: " + settings_.endpoint);
    }
    if (url.has_port() && url.port().empty()) throw std::invalid_argument("S3 endpoint has an empty port");
    if (settings_.region.empty() || settings_.access_key_id.empty() || settings_.secret_access_key.empty()) {
        throw std::invalid_argument("S3 settings need a region, an access key id and a secret access key");
    }
    if (!valid_bucket(settings_.bucket)) throw std::invalid_argument("not a valid S3 bucket name: " + settings_.bucket);

    std::string host = curl::lowercase(url.encoded_host());
    if (!settings_.force_path_style) {
        if (ip_literal(host)) {
            throw std::invalid_argument("virtual-hosted S3 URLs need a DNS name endpoint; set force_path_style");
        }
        host = settings_.bucket + "." + host;
    }
    const std::string default_port = scheme == "https" ? "443" : "80";
    if (url.has_port() && url.port() != default_port) host += ":" + std::string(url.port());
    host_ = std::move(host);
    origin_ = scheme + "://" + host_;
    if (settings_.public_base_url) {
        while (settings_.public_base_url->ends_with('/')) settings_.public_base_url->pop_back();
    }
    curl::global_init();
}

std::string S3Storage::object_path(const std::string& key) const {
    return settings_.force_path_style ? "/" + settings_.bucket + "/" + key : "/" + key;
}

std::string S3Storage::object_url(const std::string& key) const {
    return origin_ + sigv4::uri_encode(object_path(key), true);
}

S3Storage::Reply S3Storage::perform(const Exchange& exchange) const {
    sigv4::Request request{exchange.method, object_path(exchange.key), {}, {{"host", host_}}};
    request.headers.insert(request.headers.end(), exchange.headers.begin(), exchange.headers.end());
    sigv4::sign_headers(request, {settings_.access_key_id, settings_.secret_access_key}, {settings_.region, "s3"},
                        clock_.now(), exchange.payload_hash, sigv4::PathRule::kS3, true);

    std::unique_ptr<CURL, EasyCleanup> easy(curl_easy_init());
    if (!easy) throw StorageError("curl_easy_init failed");
    CURL* handle = easy.get();
    std::unique_ptr<curl_slist, SlistFree> header_list;
    for (const auto& [name, value] : request.headers) {
        std::string line = name;
        line.append(": ").append(value);
        // Returns the list's head: the new node the first time, the same head after that.
        curl_slist* head = curl_slist_append(header_list.get(), line.c_str());
        if (head == nullptr) throw StorageError("curl_slist_append failed");
        if (!header_list) header_list.reset(head);
    }
    Transfer transfer;
    transfer.handle = handle;
    transfer.download = exchange.download;
    std::array<char, CURL_ERROR_SIZE> error{};

    const std::string url = object_url(exchange.key);
    set(handle, CURLOPT_URL, url.c_str());
    set(handle, CURLOPT_HTTPHEADER, header_list.get());
    // Signals must not interrupt other threads' calls (resolver timeouts use alarm otherwise).
    set(handle, CURLOPT_NOSIGNAL, 1L);
    set(handle, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    set(handle, CURLOPT_TIMEOUT_MS, kTotalTimeoutMs);
    set(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    set(handle, CURLOPT_ERRORBUFFER, error.data());
    set(handle, CURLOPT_HEADERFUNCTION, &on_header);
    set(handle, CURLOPT_HEADERDATA, &transfer);
    set(handle, CURLOPT_WRITEFUNCTION, &on_body);
    set(handle, CURLOPT_WRITEDATA, &transfer);
    if (exchange.method == "HEAD") {
        set(handle, CURLOPT_NOBODY, 1L);
    } else if (exchange.method == "PUT") {
        set(handle, CURLOPT_UPLOAD, 1L);
        set(handle, CURLOPT_READFUNCTION, &on_read);
        set(handle, CURLOPT_READDATA, exchange.upload);
        set(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(exchange.upload->remaining));
    } else if (exchange.method != "GET") {
        set(handle, CURLOPT_CUSTOMREQUEST, exchange.method.c_str());
    }

    const CURLcode rc = curl_easy_perform(handle);
    if (transfer.download_failed) {
        throw StorageError("S3 " + exchange.method + " " + settings_.bucket + "/" + exchange.key +
                           ": writing the download failed: " + std::strerror(errno));
    }
    if (rc != CURLE_OK) {
        const std::string detail = error[0] != '\0' ? error.data() : curl_easy_strerror(rc);
        throw StorageError("S3 " + exchange.method + " " + settings_.bucket + "/" + exchange.key + ": " + detail);
    }
    Reply reply;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.body = std::move(transfer.body);
    reply.content_length = transfer.content_length;
    reply.content_type = std::move(transfer.content_type);
    reply.etag = std::move(transfer.etag);
    if (!reply.ok()) reply.error_code = xml_field(reply.body, "Code");
    return reply;
}

void S3Storage::fail(const Exchange& exchange, const Reply& reply) const {
    std::string what = "S3 " + exchange.method + " " + settings_.bucket + "/" + exchange.key + ": HTTP " +
                       std::to_string(reply.status);
    if (!reply.error_code.empty()) what += " " + reply.error_code;
    if (const auto message = xml_field(reply.body, "Message"); !message.empty()) what += ": " + message;
    throw StorageError(what);
}

void S3Storage::put_file(const std::string& key, const std::filesystem::path& source, std::string_view content_type) {
    check_key(key);
    check_header_value(content_type);
    File file(std::fopen(source.c_str(), "rb"));
    if (!file) throw StorageError("cannot open " + source.string() + ": " + std::strerror(errno));
    // S3 checks the body against x-amz-content-sha256: hash first, then stream the same bytes.
    auto [hash, size] = file_sha256(file.get());
    if (std::fseek(file.get(), 0, SEEK_SET) != 0) throw StorageError("cannot rewind " + source.string());

    Upload upload{file.get(), size};
    Exchange exchange{"PUT", key, {}, std::move(hash), &upload, nullptr};
    if (!content_type.empty()) exchange.headers.emplace_back("content-type", std::string(content_type));
    const auto reply = perform(exchange);
    if (!reply.ok()) fail(exchange, reply);
}

bool S3Storage::get_file(const std::string& key, const std::filesystem::path& destination) {
    check_key(key);
    // Written beside the destination and renamed over it: no reader sees half an object, and
    // a failed download leaves what was there.
    TempFile temp(destination.string() + ".part-" + core::random_token(9));
    File file(std::fopen(temp.path().c_str(), "wb"));
    if (!file) throw StorageError("cannot create " + temp.path().string() + ": " + std::strerror(errno));

    Exchange exchange{"GET", key, {}, std::string(sigv4::kEmptyPayloadHash), nullptr, file.get()};
    const auto reply = perform(exchange);
    if (std::fclose(file.release()) != 0) {
        throw StorageError("writing " + temp.path().string() + " failed: " + std::strerror(errno));
    }
    if (reply.ok()) {
        std::error_code ec;
        std::filesystem::rename(temp.path(), destination, ec);
        if (ec) throw StorageError("cannot move the download to " + destination.string() + ": " + ec.message());
        temp.keep();
        return true;
    }
    // A missing bucket is a misconfiguration, not a missing object.
    if (reply.status == 404 && reply.error_code != "NoSuchBucket") return false;
    fail(exchange, reply);
}

std::optional<ObjectInfo> S3Storage::head(const std::string& key) {
    check_key(key);
    Exchange exchange{"HEAD", key, {}, std::string(sigv4::kEmptyPayloadHash), nullptr, nullptr};
    const auto reply = perform(exchange);
    // HEAD answers carry no error document: a missing bucket looks like a missing key here.
    if (reply.status == 404) return std::nullopt;
    if (!reply.ok()) fail(exchange, reply);
    ObjectInfo info;
    info.size = reply.content_length.value_or(0);
    info.content_type = reply.content_type;
    info.etag = reply.etag;
    return info;
}

void S3Storage::remove(const std::string& key) {
    check_key(key);
    Exchange exchange{"DELETE", key, {}, std::string(sigv4::kEmptyPayloadHash), nullptr, nullptr};
    const auto reply = perform(exchange);
    if (reply.ok() || (reply.status == 404 && reply.error_code != "NoSuchBucket")) return;
    fail(exchange, reply);
}

PresignedRequest S3Storage::presign(std::string_view method, const std::string& key, std::string_view content_type,
                                    std::chrono::seconds lifetime) const {
    check_key(key);
    check_header_value(content_type);
    sigv4::Request request{std::string(method), object_path(key), {}, {{"host", host_}}};
    if (!content_type.empty()) request.headers.emplace_back("content-type", std::string(content_type));
    // The signature covers whole seconds: so does the expiry we report.
    const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now());
    sigv4::sign_query(request, {settings_.access_key_id, settings_.secret_access_key}, {settings_.region, "s3"}, now,
                      lifetime, sigv4::kUnsignedPayload, sigv4::PathRule::kS3);
    PresignedRequest out;
    out.method = std::string(method);
    out.url = object_url(key) + "?" + sigv4::query_string(request.query);
    if (!content_type.empty()) out.headers.emplace_back("Content-Type", std::string(content_type));
    out.expires_at = now + lifetime;
    return out;
}

std::optional<PresignedRequest> S3Storage::presign_put(const std::string& key, std::string_view content_type,
                                                       std::chrono::seconds lifetime) {
    return presign("PUT", key, content_type, lifetime);
}

std::optional<std::string> S3Storage::presign_get(const std::string& key, std::chrono::seconds lifetime) {
    return presign("GET", key, {}, lifetime).url;
}

std::optional<std::string> S3Storage::public_url(const std::string& key) {
    check_key(key);
    if (!settings_.public_base_url) return std::nullopt;
    return *settings_.public_base_url + "/" + sigv4::uri_encode(key, true);
}

}  // namespace service::infra::storage

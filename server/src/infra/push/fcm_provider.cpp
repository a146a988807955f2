#include "infra/push/fcm_provider.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <stdexcept>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "infra/curl.hpp"
#include "infra/push/log_provider.hpp"

namespace service::infra::push {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr long kConnectTimeoutMs = 5'000;
constexpr long kTotalTimeoutMs = 15'000;
// FCM's and Google OAuth's replies are well under a kilobyte; anything longer is not one.
constexpr std::size_t kMaxReplyBody = 64 * std::size_t{1024};
// Handles kept for reuse; more than this many concurrent sends open (and then drop) extra ones.
constexpr std::size_t kMaxIdleHandles = 8;
constexpr std::chrono::seconds kRefreshMargin = 5min;
// What FCM tells us goes into job errors and logs; its messages are short, ours stay short.
constexpr std::size_t kMaxDetailMessage = 300;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

// application/x-www-form-urlencoded value.
std::string form_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        if (unreserved(c)) {
            out.push_back(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0F]);
        }
    }
    return out;
}

std::string shorten(std::string_view text) {
    if (text.size() <= kMaxDetailMessage) return std::string(text);
    return std::string(fcm::utf8_prefix(text, kMaxDetailMessage)) + std::string(kEllipsis);
}

// A header value FCM forwards to APNs or the web push service, which limit it: APNs takes a
// collapse id of at most 64 bytes, RFC 8030 a Topic of at most 32 base64url characters. A key
// that does not fit is replaced by a stable digest of itself, so equal keys still collapse.
std::string header_key(const std::string& key, std::size_t max_length, bool base64url_only) {
    const bool fits =
        !key.empty() && key.size() <= max_length && (!base64url_only || std::all_of(key.begin(), key.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }));
    if (fits) return key;
    return core::base64url_encode(core::sha256(key)).substr(0, std::min<std::size_t>(max_length, 32));
}

json::object build_root(const Message& message, std::string_view body) {
    json::object notification{{"title", message.title}, {"body", body}};
    json::object out{{"token", message.token}, {"notification", std::move(notification)}};
    if (!message.data.empty()) {
        json::object data;
        for (const auto& [key, value] : message.data) data[key] = value;
        out["data"] = std::move(data);
    }
    json::object android{{"priority", "high"}};
    json::object apns_headers{{"apns-priority", "10"}};
    if (message.collapse_key) {
        android["collapse_key"] = *message.collapse_key;
        apns_headers["apns-collapse-id"] = header_key(*message.collapse_key, 64, false);
    }
    out["android"] = std::move(android);
    out["apns"] = json::object{{"headers", std::move(apns_headers)}};
    if (message.platform == "web" && message.collapse_key) {
        out["webpush"] =
            json::object{{"headers", json::object{{"Topic", header_key(*message.collapse_key, 32, true)}}}};
    }
    return json::object{{"message", std::move(out)}};
}

// The parts of a Google API error body ({"error": {code, message, status, details}}) we act on.
struct FcmError {
    std::string status;  // "NOT_FOUND", "INVALID_ARGUMENT", ...
    std::string message;
    std::string error_code;        // FcmError.errorCode: "UNREGISTERED", ...
    bool token_violation = false;  // a google.rpc.BadRequest field violation on message.token
};

const json::string* string_at(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? &value->as_string() : nullptr;
}

FcmError parse_error(std::string_view body) {
    FcmError out;
    boost::system::error_code ec;
    const auto parsed = json::parse(body, ec);
    if (ec || !parsed.is_object()) return out;
    const auto* error = parsed.as_object().if_contains("error");
    if (error == nullptr || !error->is_object()) return out;
    const auto& e = error->as_object();
    if (const auto* s = string_at(e, "status")) out.status = std::string(*s);
    if (const auto* s = string_at(e, "message")) out.message = std::string(*s);
    const auto* details = e.if_contains("details");
    if (details == nullptr || !details->is_array()) return out;
    for (const auto& detail : details->as_array()) {
        if (!detail.is_object()) continue;
        const auto& d = detail.as_object();
        const auto* type = string_at(d, "@type");
        if (type == nullptr) continue;
        if (type->ends_with("google.firebase.fcm.v1.FcmError")) {
            if (const auto* code = string_at(d, "errorCode")) out.error_code = std::string(*code);
        } else if (type->ends_with("google.rpc.BadRequest")) {
            const auto* violations = d.if_contains("fieldViolations");
            if (violations == nullptr || !violations->is_array()) continue;
            for (const auto& v : violations->as_array()) {
                if (!v.is_object()) continue;
                const auto* field = string_at(v.as_object(), "field");
                if (field != nullptr && *field == "message.token") out.token_violation = true;
            }
        }
    }
    return out;
}

std::string describe(long status, const FcmError& error) {
    std::string out = "FCM HTTP " + std::to_string(status);
    if (!error.status.empty()) out += " " + error.status;
    if (!error.error_code.empty() && error.error_code != error.status) out += " " + error.error_code;
    if (!error.message.empty()) out += ": " + shorten(error.message);
    return out;
}

bool transient_status(long status) { return status == 408 || status == 429 || status >= 500; }

Result make_result(Outcome outcome, std::string detail, std::optional<std::chrono::seconds> retry_after = {}) {
    Result r;
    r.outcome = outcome;
    r.detail = std::move(detail);
    if (outcome == Outcome::kRetry) r.retry_after = retry_after;
    return r;
}

// Parses "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110's IMF-fixdate, the form servers send).
std::optional<core::TimePoint> parse_http_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto comma = text.find(", ");
    if (comma != 3 || text.size() != 29 || !text.ends_with(" GMT")) return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        const auto* first = text.data() + at;
        const auto [end, ec] = std::from_chars(first, first + length, value);
        if (ec != std::errc{} || end != first + length) return std::nullopt;
        return value;
    };
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    //  0    5  8   12   17 20 23
    const auto day = number(5, 2);
    const auto year = number(12, 4);
    const auto hour = number(17, 2);
    const auto minute = number(20, 2);
    const auto second = number(23, 2);
    const auto month = std::find(kMonths.begin(), kMonths.end(), text.substr(8, 3));
    if (!day || !year || !hour || !minute || !second || month == kMonths.end() || text[7] != ' ' || text[11] != ' ' ||
        text[16] != ' ' || text[19] != ':' || text[22] != ':') {
        return std::nullopt;
    }
    if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year),
                                           std::chrono::month(static_cast<unsigned>(month - kMonths.begin() + 1)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
           std::chrono::seconds(*second);
}

struct Reply {
    long status = 0;
    std::string body;
    std::optional<std::string> retry_after;
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& reply = *static_cast<Reply*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        reply.retry_after.reset();  // a new response (after "100 Continue")
        return line.size();
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && curl::lowercase(curl::trim(line.substr(0, colon))) == "retry-after") {
        reply.retry_after = std::string(curl::trim(line.substr(colon + 1)));
    }
    return line.size();
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& reply = *static_cast<Reply*>(user);
    const auto n = size * count;
    if (reply.body.size() < kMaxReplyBody) reply.body.append(data, std::min(n, kMaxReplyBody - reply.body.size()));
    return n;
}

struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

// One curl easy handle: its connection cache is what keeps connections alive between sends.
class FcmProvider::Handle {
  public:
    explicit Handle(CURL* curl) : curl_(curl) {}
    ~Handle() { curl_easy_cleanup(curl_); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    /// POSTs `body`; false with `error` set when no HTTP reply came (connect, TLS, timeout).
    bool post(const std::string& url, const std::vector<std::string>& headers, const std::string& body, Reply& reply,
              std::string& error) {
        reply = Reply{};
        std::unique_ptr<curl_slist, SlistFree> list;
        for (const auto& header : headers) {
            curl_slist* head = curl_slist_append(list.get(), header.c_str());
            if (head == nullptr) {
                error = "curl_slist_append failed";
                return false;
            }
            if (!list) list.reset(head);
        }
        std::array<char, CURL_ERROR_SIZE> message{};
        bool ok = true;
        const auto set = [&](CURLoption option, auto value) {
            if (ok && curl_easy_setopt(curl_, option, value) != CURLE_OK) ok = false;
        };
        set(CURLOPT_URL, url.c_str());
        set(CURLOPT_POST, 1L);
        set(CURLOPT_POSTFIELDS, body.data());
        set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        set(CURLOPT_HTTPHEADER, list.get());
        // Signals must not interrupt other threads' calls (resolver timeouts use alarm otherwise).
        set(CURLOPT_NOSIGNAL, 1L);
        set(CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
        set(CURLOPT_TIMEOUT_MS, kTotalTimeoutMs);
        set(CURLOPT_PROTOCOLS_STR, "http,https");
        set(CURLOPT_TCP_KEEPALIVE, 1L);
        set(CURLOPT_ERRORBUFFER, message.data());
        set(CURLOPT_HEADERFUNCTION, &on_header);
        set(CURLOPT_HEADERDATA, &reply);
        set(CURLOPT_WRITEFUNCTION, &on_body);
        set(CURLOPT_WRITEDATA, &reply);
        if (!ok) {
            error = "curl_easy_setopt failed";
            return false;
        }
        const CURLcode rc = curl_easy_perform(curl_);
        if (rc == CURLE_OK) curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &reply.status);
        // The options point into this frame (error buffer, headers, reply): drop them before it
        // goes. curl_easy_reset keeps the live connections and the DNS cache, which is the point.
        curl_easy_reset(curl_);
        if (rc != CURLE_OK) {
            error = message[0] != '\0' ? std::string(message.data()) : std::string(curl_easy_strerror(rc));
            return false;
        }
        return true;
    }

  private:
    CURL* curl_;
};

FcmProvider::FcmProvider(ServiceAccount account, std::string endpoint, const core::Clock& clock)
    : account_(std::move(account)), signer_(account_.private_key), clock_(clock) {
    while (endpoint.ends_with('/')) endpoint.pop_back();
    send_url_ = endpoint + "/v1/projects/" + account_.project_id + "/messages:send";
    curl::global_init();
}

FcmProvider::~FcmProvider() = default;

std::unique_ptr<FcmProvider::Handle> FcmProvider::acquire() {
    {
        std::lock_guard lock(pool_mutex_);
        if (!idle_.empty()) {
            auto handle = std::move(idle_.back());
            idle_.pop_back();
            return handle;
        }
    }
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return nullptr;
    return std::make_unique<Handle>(curl);
}

void FcmProvider::release(std::unique_ptr<Handle> handle) {
    std::lock_guard lock(pool_mutex_);
    if (idle_.size() < kMaxIdleHandles) idle_.push_back(std::move(handle));
}

std::optional<Result> FcmProvider::access_token(Handle& handle, const std::string* stale, std::string& out) {
    std::lock_guard lock(token_mutex_);
    if (stale != nullptr && token_ && token_->value == *stale) token_.reset();
    const auto now = clock_.now();
    if (token_ && now < token_->refresh_at) {
        out = token_->value;
        return std::nullopt;
    }
    token_.reset();

    const std::string form = "grant_type=" + form_encode(kJwtBearerGrant) +
                             "&assertion=" + form_encode(make_assertion(account_, signer_, now));
    Reply reply;
    std::string error;
    if (!handle.post(account_.token_uri, {"Content-Type: application/x-www-form-urlencoded", "Expect:"}, form, reply,
                     error)) {
        return make_result(Outcome::kRetry, "FCM OAuth: " + error);
    }
    const auto retry_after =
        reply.retry_after ? fcm::parse_retry_after(*reply.retry_after, now) : std::optional<std::chrono::seconds>{};
    boost::system::error_code ec;
    const auto parsed = json::parse(reply.body, ec);
    const json::object* object = !ec && parsed.is_object() ? &parsed.as_object() : nullptr;
    if (reply.status != 200) {
        // Google's OAuth errors: {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        std::string detail = "FCM OAuth: HTTP " + std::to_string(reply.status);
        if (object != nullptr) {
            if (const auto* code = string_at(*object, "error")) detail += " " + std::string(*code);
            if (const auto* text = string_at(*object, "error_description")) detail += ": " + shorten(*text);
        }
        if (transient_status(reply.status)) return make_result(Outcome::kRetry, std::move(detail), retry_after);
        detail +=
            " (the service account in FCM_CREDENTIALS_FILE was refused: revoked key, wrong project or a clock off)";
        core::log::error("push: FCM OAuth token request refused", {{"detail", detail}});
        return make_result(Outcome::kFailed, std::move(detail));
    }
    const json::string* token = object != nullptr ? string_at(*object, "access_token") : nullptr;
    if (token == nullptr || token->empty()) {
        return make_result(Outcome::kRetry, "FCM OAuth: HTTP 200 without an access_token");
    }
    std::chrono::seconds lifetime{3600};
    if (const auto* expires = object->if_contains("expires_in"); expires != nullptr && expires->is_number()) {
        boost::system::error_code number_ec;
        const auto seconds = expires->to_number<std::int64_t>(number_ec);
        if (!number_ec && seconds > 0) lifetime = std::chrono::seconds(seconds);
    }
    // Refresh ahead of expiry; a short-lived token is refreshed halfway through its life.
    const auto margin = std::min<std::chrono::seconds>(kRefreshMargin, lifetime / 2);
    token_ = Token{std::string(*token), now + lifetime - margin};
    out = token_->value;
    return std::nullopt;
}

Result FcmProvider::send_with(Handle& handle, const Message& message, const std::string& body) {
    std::string token;
    if (auto failure = access_token(handle, nullptr, token)) return std::move(*failure);

    Reply reply;
    std::string error;
    bool refreshed = false;
    for (int attempt = 0;; ++attempt) {
        const std::vector<std::string> headers{"Authorization: Bearer " + token,
                                               "Content-Type: application/json; charset=utf-8", "Expect:"};
        if (!handle.post(send_url_, headers, body, reply, error)) return make_result(Outcome::kRetry, "FCM: " + error);
        if (reply.status != 401 || attempt > 0) break;
        // THIRD_PARTY_AUTH_ERROR is a 401 about the APNs / web push credentials in the
        // Firebase project, not our token: a new token would not help.
        if (parse_error(reply.body).error_code == "THIRD_PARTY_AUTH_ERROR") break;
        const std::string refused = token;
        if (auto failure = access_token(handle, &refused, token)) return std::move(*failure);
        refreshed = true;
    }
    const auto retry_after = reply.retry_after ? fcm::parse_retry_after(*reply.retry_after, clock_.now())
                                               : std::optional<std::chrono::seconds>{};
    auto result = fcm::classify_send_reply(reply.status, reply.body, retry_after);
    if (reply.status == 401 && refreshed) result.detail += " (again with a new access token)";
    if (result.outcome == Outcome::kFailed && reply.status == 400) {
        // FCM found our request malformed: how we build messages is wrong, not the device.
        core::log::error("push: FCM rejected a message we built (a bug on our side)",
                         {{"detail", result.detail}, {"token", shorten_token(message.token)}});
    }
    return result;
}

Result FcmProvider::send(const Message& message) {
    if (message.token.empty()) return make_result(Outcome::kTokenInvalid, "empty registration token");
    if (auto problem = fcm::check_message(message)) return make_result(Outcome::kFailed, std::move(*problem));
    try {
        const auto body = fcm::request_body(message);
        if (!body) {
            return make_result(Outcome::kFailed, "the message does not fit in FCM's " +
                                                     std::to_string(fcm::kMaxMessageBytes) +
                                                     " bytes even with its body cut: title or data too large");
        }
        auto handle = acquire();
        if (!handle) return make_result(Outcome::kRetry, "FCM: curl_easy_init failed");
        auto result = send_with(*handle, message, *body);
        release(std::move(handle));
        return result;
    } catch (const std::exception& e) {
        // Allocation or OpenSSL failures: nothing about this message is known to be wrong.
        return make_result(Outcome::kRetry, std::string("FCM provider: ") + e.what());
    }
}

namespace fcm {

std::optional<std::string> check_message(const Message& message) {
    for (const auto& [key, value] : message.data) {
        const auto lower = curl::lowercase(key);
        if (key.empty() || lower == "from" || lower == "message_type" || lower == "notification" ||
            lower.starts_with("google") || lower.starts_with("gcm")) {
            return "data key '" + key + "' is reserved by FCM";
        }
    }
    return std::nullopt;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    // text[n] is the first byte left out: when it continues a sequence, that sequence began
    // inside the prefix and must go too.
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return text.substr(0, n);
}

std::optional<std::string> request_body(const Message& message, std::size_t limit) {
    std::string whole = json::serialize(build_root(message, message.body));
    if (whole.size() <= limit) return whole;
    const auto bare = json::serialize(build_root(message, kEllipsis)).size();
    if (bare > limit) return std::nullopt;
    // The longest cut that fits, by bisection: JSON escaping makes the size of a cut body
    // unknown until serialised, but it grows with the cut. Raw bytes never take less room than
    // their escaped form, so no more than the room left can fit.
    const auto with_cut = [&](std::size_t cut) {
        return json::serialize(
            build_root(message, std::string(utf8_prefix(message.body, cut)) + std::string(kEllipsis)));
    };
    std::size_t fits = 0;  // the empty cut fits: checked above
    std::size_t too_long = std::min(message.body.size(), limit - bare) + 1;
    while (too_long - fits > 1) {
        const auto middle = fits + (too_long - fits) / 2;
        if (with_cut(middle).size() <= limit) {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    return with_cut(fits);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, core::TimePoint now) {
    value = curl::trim(value);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t seconds = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec != std::errc{} || end != value.data() + value.size()) return std::nullopt;
        return std::chrono::seconds(seconds);
    }
    const auto at = parse_http_date(value);
    if (!at) return std::nullopt;
    const auto delay = std::chrono::ceil<std::chrono::seconds>(*at - now);
    return std::max(delay, std::chrono::seconds(0));
}

std::optional<std::string> message_name(std::string_view body) {
    boost::system::error_code ec;
    const auto parsed = json::parse(body, ec);
    if (ec || !parsed.is_object()) return std::nullopt;
    const auto* name = string_at(parsed.as_object(), "name");
    if (name == nullptr) return std::nullopt;
    return std::string(*name);
}

Result classify_send_reply(long status, std::string_view body, std::optional<std::chrono::seconds> retry_after) {
    if (status >= 200 && status < 300) {
        Result r;
        r.outcome = Outcome::kSent;
        r.detail = "FCM HTTP " + std::to_string(status);
        r.message_id = message_name(body);
        return r;
    }
    const auto error = parse_error(body);
    auto detail = describe(status, error);
    if (error.error_code == "UNREGISTERED" || status == 404) return make_result(Outcome::kTokenInvalid, detail);
    // The token belongs to another Firebase project: it will never work with ours.
    if (error.error_code == "SENDER_ID_MISMATCH") return make_result(Outcome::kTokenInvalid, detail);
    if (status == 400 || error.status == "INVALID_ARGUMENT" || error.error_code == "INVALID_ARGUMENT") {
        const bool about_token =
            error.token_violation || (error.error_code == "INVALID_ARGUMENT" &&
                                      curl::lowercase(error.message).find("registration token") != std::string::npos);
        return make_result(about_token ? Outcome::kTokenInvalid : Outcome::kFailed, detail);
    }
    if (transient_status(status)) return make_result(Outcome::kRetry, detail, retry_after);
    return make_result(Outcome::kFailed, detail);
}

}  // namespace fcm

}  // namespace service::infra::push

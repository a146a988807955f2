#include "support/fake_fcm.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdlib.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/asio.hpp"
#include "core/crypto.hpp"

namespace service::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

constexpr std::string_view kScope = "https://www.googleapis.com/auth/firebase.messaging";
constexpr std::string_view kGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
constexpr std::size_t kMaxMessageBytes = 4096;
constexpr std::int64_t kTokenLifetime = 3599;
constexpr std::string_view kFcmErrorType = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
constexpr std::string_view kBadRequestType = "type.googleapis.com/google.rpc.BadRequest";

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct BioFree {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

// A Google API error body: {"error": {code, message, status, details}}.
std::string google_error(unsigned code, std::string_view status, std::string_view message, json::array details = {}) {
    json::object error{{"code", code}, {"message", message}, {"status", status}};
    if (!details.empty()) error["details"] = std::move(details);
    return json::serialize(json::object{{"error", std::move(error)}});
}

json::object fcm_error_detail(std::string_view error_code) {
    return json::object{{"@type", kFcmErrorType}, {"errorCode", error_code}};
}

json::object field_violation(std::string_view field, std::string_view description) {
    return json::object{{"@type", kBadRequestType},
                        {"fieldViolations", json::array{json::object{{"field", field}, {"description", description}}}}};
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
                   hex_digit(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start <= body.size()) {
        const auto end = std::min(body.find('&', start), body.size());
        const auto pair = body.substr(start, end - start);
        const auto eq = pair.find('=');
        if (!pair.empty()) {
            out[percent_decode(pair.substr(0, eq))] =
                eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1));
        }
        start = end + 1;
    }
    return out;
}

std::string_view media_type(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    auto type = content_type.substr(0, semicolon);
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    return type;
}

const json::value* member(const json::object& object, std::string_view key) { return object.if_contains(key); }

bool is_string_map(const json::value* value) {
    if (value == nullptr || !value->is_object()) return false;
    for (const auto& [key, v] : value->as_object()) {
        if (!v.is_string()) return false;
    }
    return true;
}

struct Violation {
    std::string field;
    std::string description;
};

// What FCM's schema checks would refuse in a messages:send body (the subset we send).
std::optional<Violation> check_message_shape(const json::value& root) {
    if (!root.is_object()) return Violation{"", "the body is not a JSON object"};
    for (const auto& [key, value] : root.as_object()) {
        if (key != "message" && key != "validate_only") return Violation{std::string(key), "unknown field"};
    }
    const auto* message_value = member(root.as_object(), "message");
    if (message_value == nullptr || !message_value->is_object())
        return Violation{"message", "missing or not an object"};
    const auto& message = message_value->as_object();
    static const std::set<std::string, std::less<>> kKnown{"token", "notification", "data",        "android",
                                                           "apns",  "webpush",      "fcm_options", "name"};
    for (const auto& [key, value] : message) {
        if (!kKnown.contains(key)) return Violation{"message." + std::string(key), "unknown field"};
    }
    const auto* token = member(message, "token");
    if (token == nullptr || !token->is_string() || token->as_string().empty())
        return Violation{"message.token", "missing, empty or not a string"};
    const auto* notification = member(message, "notification");
    if (notification == nullptr || !notification->is_object())
        return Violation{"message.notification", "missing or not an object"};
    for (const char* field : {"title", "body"}) {
        const auto* text = member(notification->as_object(), field);
        if (text == nullptr || !text->is_string())
            return Violation{std::string("message.notification.") + field, "missing or not a string"};
    }
    if (const auto* data = member(message, "data"); data != nullptr && !is_string_map(data))
        return Violation{"message.data", "not an object of string values"};
    if (const auto* android = member(message, "android"); android != nullptr) {
        if (!android->is_object()) return Violation{"message.android", "not an object"};
        if (const auto* p = member(android->as_object(), "priority");
            p != nullptr && (!p->is_string() || (p->as_string() != "high" && p->as_string() != "normal")))
            return Violation{"message.android.priority", "must be \"high\" or \"normal\""};
        if (const auto* k = member(android->as_object(), "collapse_key"); k != nullptr && !k->is_string())
            return Violation{"message.android.collapse_key", "not a string"};
    }
    for (const char* platform : {"apns", "webpush"}) {
        const auto* section = member(message, platform);
        if (section == nullptr) continue;
        const std::string field = std::string("message.") + platform;
        if (!section->is_object()) return Violation{field, "not an object"};
        if (const auto* headers = member(section->as_object(), "headers");
            headers != nullptr && !is_string_map(headers))
            return Violation{field + ".headers", "not an object of string values"};
    }
    return std::nullopt;
}

}  // namespace

FakeFcmReply FakeFcmReply::unregistered() {
    return {
        404, google_error(404, "NOT_FOUND", "Requested entity was not found.", {fcm_error_detail("UNREGISTERED")}), {}};
}

FakeFcmReply FakeFcmReply::quota_exceeded(int retry_after_s) {
    return {429,
            google_error(429, "RESOURCE_EXHAUSTED",
                         "Quota exceeded for quota metric 'Send messages' and limit 'Send messages per minute'.",
                         {fcm_error_detail("QUOTA_EXCEEDED")}),
            {{"Retry-After", std::to_string(retry_after_s)}}};
}

FakeFcmReply FakeFcmReply::unavailable() {
    return {
        503,
        google_error(503, "UNAVAILABLE", "The service is currently unavailable.", {fcm_error_detail("UNAVAILABLE")}),
        {}};
}

FakeFcmReply FakeFcmReply::internal() {
    return {500, google_error(500, "INTERNAL", "Internal error encountered.", {fcm_error_detail("INTERNAL")}), {}};
}

FakeFcmReply FakeFcmReply::invalid_token() {
    const std::string text = "The registration token is not a valid FCM registration token";
    return {400,
            google_error(400, "INVALID_ARGUMENT", text,
                         {fcm_error_detail("INVALID_ARGUMENT"), field_violation("message.token", text)}),
            {}};
}

FakeFcmReply FakeFcmReply::invalid_argument(const std::string& message) {
    return {400, google_error(400, "INVALID_ARGUMENT", message, {fcm_error_detail("INVALID_ARGUMENT")}), {}};
}

FakeFcmReply FakeFcmReply::unauthenticated() {
    return {401,
            google_error(401, "UNAUTHENTICATED",
                         "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie "
                         "or other valid authentication credential."),
            {}};
}

FakeFcmReply FakeFcmReply::third_party_auth_error() {
    return {401,
            google_error(401, "UNAUTHENTICATED", "Auth error from APNS or Web Push Service",
                         {fcm_error_detail("THIRD_PARTY_AUTH_ERROR")}),
            {}};
}

FakeFcmReply FakeFcmReply::sender_id_mismatch() {
    return {
        403, google_error(403, "PERMISSION_DENIED", "SenderId mismatch", {fcm_error_detail("SENDER_ID_MISMATCH")}), {}};
}

FakeFcmReply FakeFcmReply::oauth_error(unsigned status, const std::string& error, const std::string& description) {
    return {status, json::serialize(json::object{{"error", error}, {"error_description", description}}), {}};
}

struct FakeFcm::Impl {
    explicit Impl(const core::Clock* given) : clock(given != nullptr ? *given : system_clock) {}

    void start();
    void stop();
    Response handle(const Request& request);
    Response token(const Request& request);
    Response send(const Request& request);
    std::optional<std::string> check_assertion(std::string_view jwt) const;
    Response refuse(Response response, std::string why);
    // Coroutines take the Impl by pointer (it outlives the io thread) and the socket by value.
    static net::awaitable<void> accept_loop(Impl* impl);
    static net::awaitable<void> session(Impl* impl, tcp::socket socket);

    core::SystemClock system_clock;
    const core::Clock& clock;
    std::string project_id = "fake-project";
    std::string client_email = "push-sender@fake-project.iam.gserviceaccount.com";
    std::string private_key_id = core::sha256_hex(core::random_bytes(16)).substr(0, 40);
    std::string dir;
    std::string credentials_path;
    std::string endpoint;
    std::string token_uri;
    Pkey public_key;
    std::uint16_t port = 0;

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    std::map<std::string, core::TimePoint> issued;  // access token -> expiry
    std::set<std::string> unregistered;
    std::deque<FakeFcmReply> send_replies;
    std::deque<FakeFcmReply> token_replies;
    std::vector<ReceivedPush> accepted;
    std::vector<std::string> errors;
    int token_requests = 0;
    int send_requests = 0;
    int connections = 0;
    std::uint64_t next_name = 1;

    net::io_context ioc;
    tcp::acceptor acceptor{ioc};
    std::thread thread;
};

namespace {

Response reply_of(const Request& request, unsigned status, std::string body, std::string_view content_type,
                  const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Response response{static_cast<http::status>(status), request.version()};
    response.set(http::field::content_type, content_type);
    for (const auto& [name, value] : headers) response.set(name, value);
    response.body() = std::move(body);
    return response;
}

Response json_reply(const Request& request, const FakeFcmReply& reply) {
    return reply_of(request, reply.status, reply.body, "application/json; charset=UTF-8", reply.headers);
}

}  // namespace

net::awaitable<void> FakeFcm::Impl::session(Impl* impl, tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    while (true) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(1024 * 1024);
        stream.expires_after(60s);
        auto [read_ec, read_n] = co_await http::async_read(stream, buffer, parser, kUseTuple);
        if (read_ec) break;
        const Request request = parser.release();
        Response response = impl->handle(request);
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        stream.expires_after(60s);
        auto [write_ec, write_n] = co_await http::async_write(stream, response, kUseTuple);
        if (write_ec || !response.keep_alive()) break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

net::awaitable<void> FakeFcm::Impl::accept_loop(Impl* impl) {
    while (true) {
        auto [ec, socket] = co_await impl->acceptor.async_accept(kUseTuple);
        if (ec == net::error::operation_aborted || !impl->acceptor.is_open()) co_return;
        if (ec) continue;
        {
            std::lock_guard lock(impl->mutex);
            ++impl->connections;
        }
        net::co_spawn(impl->ioc, session(impl, std::move(socket)), net::detached);
    }
}

void FakeFcm::Impl::start() {
    char dir_template[] = "/tmp/fake-fcm.XXXXXX";
    if (::mkdtemp(dir_template) == nullptr) throw std::runtime_error("fake FCM: mkdtemp failed");
    dir = dir_template;

    const tcp::endpoint local(net::ip::make_address("127.0.0.1"), 0);
    acceptor.open(local.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(local);
    acceptor.listen();
    port = acceptor.local_endpoint().port();
    endpoint = "http://127.0.0.1:" + std::to_string(port);
    token_uri = endpoint + "/token";

    Pkey key(EVP_RSA_gen(2048));
    if (!key) throw std::runtime_error("fake FCM: RSA key generation failed");
    Bio private_pem(BIO_new(BIO_s_mem()));
    Bio public_pem(BIO_new(BIO_s_mem()));
    if (!private_pem || !public_pem ||
        PEM_write_bio_PrivateKey(private_pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
        PEM_write_bio_PUBKEY(public_pem.get(), key.get()) != 1) {
        throw std::runtime_error("fake FCM: writing the key pair failed");
    }
    // Verification uses a key read back from the public PEM alone: the private half cannot
    // make a bad signature pass.
    public_key.reset(PEM_read_bio_PUBKEY(public_pem.get(), nullptr, nullptr, nullptr));
    if (!public_key) throw std::runtime_error("fake FCM: reading the public key failed");

    const json::object account{{"type", "service_account"},
                               {"project_id", project_id},
                               {"private_key_id", private_key_id},
                               {"private_key", bio_text(private_pem.get())},
                               {"client_email", client_email},
                               {"client_id", "100000000000000000001"},
                               {"auth_uri", "https://accounts.google.com/o/oauth2/auth"},
                               {"token_uri", token_uri}};
    credentials_path = dir + "/service-account.json";
    std::ofstream out(credentials_path, std::ios::binary);
    out << json::serialize(account);
    out.close();
    if (!out) throw std::runtime_error("fake FCM: writing " + credentials_path + " failed");

    net::co_spawn(ioc, accept_loop(this), net::detached);
    thread = std::thread([this] { ioc.run(); });
}

void FakeFcm::Impl::stop() {
    if (thread.joinable()) {
        // Suspended sessions are destroyed with the io_context, after the thread is gone.
        ioc.stop();
        thread.join();
    }
    if (!dir.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
}

Response FakeFcm::Impl::refuse(Response response, std::string why) {
    std::lock_guard lock(mutex);
    errors.push_back(std::move(why));
    changed.notify_all();
    return response;
}

Response FakeFcm::Impl::handle(const Request& request) {
    const std::string target(request.target());
    if (target == "/token") return token(request);
    if (target.starts_with("/v1/projects/")) return send(request);
    return reply_of(request, 404, google_error(404, "NOT_FOUND", "no such endpoint: " + target), "application/json");
}

std::optional<std::string> FakeFcm::Impl::check_assertion(std::string_view jwt) const {
    const auto dot1 = jwt.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : jwt.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || jwt.find('.', dot2 + 1) != std::string_view::npos)
        return "the assertion is not three dot-separated parts";
    const auto header_text = core::base64url_decode(jwt.substr(0, dot1));
    const auto claims_text = core::base64url_decode(jwt.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = core::base64url_decode(jwt.substr(dot2 + 1));
    if (!header_text || !claims_text || !signature) return "the assertion is not base64url";

    boost::system::error_code ec;
    const auto header = json::parse(*header_text, ec);
    if (ec || !header.is_object()) return "the JWT header is not a JSON object";
    const auto& h = header.as_object();
    const auto string_is = [](const json::object& o, std::string_view key, std::string_view expected) {
        const auto* v = o.if_contains(key);
        return v != nullptr && v->is_string() && v->as_string() == expected;
    };
    if (!string_is(h, "alg", "RS256")) return "the JWT header's alg is not RS256";
    if (!string_is(h, "typ", "JWT")) return "the JWT header's typ is not JWT";
    if (!string_is(h, "kid", private_key_id)) return "the JWT header's kid is not the key's private_key_id";

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const auto signed_part = jwt.substr(0, dot2);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, public_key.get()) != 1 ||
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                         reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()) != 1) {
        return "Invalid JWT Signature.";
    }

    const auto claims = json::parse(*claims_text, ec);
    if (ec || !claims.is_object()) return "the JWT claims are not a JSON object";
    const auto& c = claims.as_object();
    if (!string_is(c, "iss", client_email)) return "iss is not the service account's client_email";
    if (!string_is(c, "scope", kScope)) return "scope is not " + std::string(kScope);
    if (!string_is(c, "aud", token_uri)) return "aud is not the token_uri " + token_uri;
    const auto* iat = c.if_contains("iat");
    const auto* exp = c.if_contains("exp");
    if (iat == nullptr || !iat->is_int64() || exp == nullptr || !exp->is_int64()) return "iat or exp is not an integer";
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
    if (exp->as_int64() > iat->as_int64() + 3600) return "exp is more than an hour after iat";
    if (exp->as_int64() <= now) return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe";
    return std::nullopt;
}

Response FakeFcm::Impl::token(const Request& request) {
    {
        std::lock_guard lock(mutex);
        ++token_requests;
    }
    const auto oauth = [&](unsigned status, std::string_view error, const std::string& description) {
        return json_reply(request, FakeFcmReply::oauth_error(status, std::string(error), description));
    };
    if (request.method() != http::verb::post)
        return refuse(oauth(405, "invalid_request", "POST only"), "/token: not a POST");
    if (media_type(request[http::field::content_type]) != "application/x-www-form-urlencoded") {
        return refuse(oauth(400, "invalid_request", "form body expected"),
                      "/token: Content-Type is '" + std::string(request[http::field::content_type]) + "'");
    }
    auto form = parse_form(request.body());
    if (form["grant_type"] != kGrant) {
        return refuse(oauth(400, "unsupported_grant_type", "Invalid grant_type: " + form["grant_type"]),
                      "/token: grant_type is '" + form["grant_type"] + "'");
    }
    if (auto problem = check_assertion(form["assertion"])) {
        return refuse(oauth(400, "invalid_grant", *problem), "/token: " + *problem);
    }
    std::lock_guard lock(mutex);
    if (!token_replies.empty()) {
        auto scripted = std::move(token_replies.front());
        token_replies.pop_front();
        return json_reply(request, scripted);
    }
    std::string access = "ya29.fake-" + core::random_token(24);
    issued[access] = clock.now() + std::chrono::seconds(kTokenLifetime);
    changed.notify_all();
    return reply_of(request, 200,
                    json::serialize(json::object{
                        {"access_token", access}, {"expires_in", kTokenLifetime}, {"token_type", "Bearer"}}),
                    "application/json; charset=utf-8");
}

Response FakeFcm::Impl::send(const Request& request) {
    {
        std::lock_guard lock(mutex);
        ++send_requests;
    }
    const std::string target(request.target());
    if (target != "/v1/projects/" + project_id + "/messages:send") {
        return refuse(reply_of(request, 404, google_error(404, "NOT_FOUND", "Requested entity was not found."),
                               "application/json; charset=UTF-8"),
                      "send: unexpected target " + target);
    }
    if (request.method() != http::verb::post) {
        return refuse(json_reply(request, FakeFcmReply::invalid_argument("POST only")), "send: not a POST");
    }
    const std::string authorization(request[http::field::authorization]);
    if (!authorization.starts_with("Bearer ")) {
        return refuse(json_reply(request, FakeFcmReply::unauthenticated()), "send: no Bearer token");
    }
    {
        std::lock_guard lock(mutex);
        const auto it = issued.find(authorization.substr(7));
        // Revoked tokens leave `issued`; expired ones stay, refused all the same.
        if (it == issued.end() || clock.now() >= it->second)
            return json_reply(request, FakeFcmReply::unauthenticated());
    }
    const auto invalid = [&](const std::string& field, const std::string& description) {
        const std::string text = "Invalid value at '" + field + "': " + description;
        return refuse(
            json_reply(request,
                       {400,
                        google_error(400, "INVALID_ARGUMENT", text,
                                     {fcm_error_detail("INVALID_ARGUMENT"), field_violation(field, description)}),
                        {}}),
            "send: " + text);
    };
    if (media_type(request[http::field::content_type]) != "application/json") {
        return invalid("", "Content-Type is '" + std::string(request[http::field::content_type]) + "'");
    }
    if (request.body().size() > kMaxMessageBytes) {
        return invalid("message", "Message is too big: " + std::to_string(request.body().size()) + " bytes");
    }
    boost::system::error_code ec;
    const auto root = json::parse(request.body(), ec);
    if (ec) return invalid("", "Invalid JSON payload received: " + ec.message());
    if (auto violation = check_message_shape(root)) return invalid(violation->field, violation->description);

    const auto& message = root.at("message").as_object();
    ReceivedPush push;
    push.token = std::string(message.at("token").as_string());
    push.title = std::string(message.at("notification").at("title").as_string());
    push.body = std::string(message.at("notification").at("body").as_string());
    if (const auto* data = message.if_contains("data")) {
        for (const auto& [key, value] : data->as_object()) push.data[std::string(key)] = std::string(value.as_string());
    }
    push.message = message;
    push.request_bytes = request.body().size();

    std::lock_guard lock(mutex);
    if (!send_replies.empty()) {
        auto scripted = std::move(send_replies.front());
        send_replies.pop_front();
        return json_reply(request, scripted);
    }
    if (unregistered.contains(push.token)) return json_reply(request, FakeFcmReply::unregistered());
    push.name = "projects/" + project_id + "/messages/" + std::to_string(next_name++);
    auto body = json::serialize(json::object{{"name", push.name}});
    accepted.push_back(std::move(push));
    changed.notify_all();
    return reply_of(request, 200, std::move(body), "application/json; charset=UTF-8");
}

FakeFcm::FakeFcm() : impl_(std::make_unique<Impl>(nullptr)) { impl_->start(); }

FakeFcm::FakeFcm(const core::Clock& clock) : impl_(std::make_unique<Impl>(&clock)) { impl_->start(); }

FakeFcm::~FakeFcm() { impl_->stop(); }

const std::string& FakeFcm::credentials_path() const { return impl_->credentials_path; }
const std::string& FakeFcm::endpoint() const { return impl_->endpoint; }
const std::string& FakeFcm::project_id() const { return impl_->project_id; }
std::uint16_t FakeFcm::port() const { return impl_->port; }

void FakeFcm::add_unregistered(const std::string& token) {
    std::lock_guard lock(impl_->mutex);
    impl_->unregistered.insert(token);
}

void FakeFcm::push_send_reply(FakeFcmReply reply) {
    std::lock_guard lock(impl_->mutex);
    impl_->send_replies.push_back(std::move(reply));
}

void FakeFcm::push_token_reply(FakeFcmReply reply) {
    std::lock_guard lock(impl_->mutex);
    impl_->token_replies.push_back(std::move(reply));
}

void FakeFcm::revoke_tokens() {
    std::lock_guard lock(impl_->mutex);
    impl_->issued.clear();
}

std::vector<ReceivedPush> FakeFcm::messages() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->accepted;
}

std::vector<ReceivedPush> FakeFcm::wait_for_messages(std::size_t n, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(impl_->mutex);
    impl_->changed.wait_for(lock, timeout, [&] { return impl_->accepted.size() >= n; });
    return impl_->accepted;
}

int FakeFcm::token_requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->token_requests;
}

int FakeFcm::send_requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->send_requests;
}

int FakeFcm::connections() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->connections;
}

std::vector<std::string> FakeFcm::protocol_errors() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->errors;
}

}  // namespace service::testing

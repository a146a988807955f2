#include "infra/storage/sigv4.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "core/crypto.hpp"

namespace service::infra::storage::sigv4 {
namespace {

constexpr char kHexUpper[] = "0123456789ABCDEF";
constexpr char kHexLower[] = "0123456789abcdef";

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string to_hex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        out.push_back(kHexLower[c >> 4]);
        out.push_back(kHexLower[c & 0x0F]);
    }
    return out;
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

// Trimmed, with every run of whitespace (including the line breaks of a folded header) as one space.
std::string normalise_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    bool pending_space = false;
    for (const char c : value) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

// RFC 3986 remove_dot_segments plus the removal of empty segments, as the generic services do.
std::string normalise_path(std::string_view path) {
    std::vector<std::string_view> kept;
    std::string_view last;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        const auto segment = path.substr(start, end - start);
        last = segment;
        if (segment == "..") {
            if (!kept.empty()) kept.pop_back();
        } else if (!segment.empty() && segment != ".") {
            kept.push_back(segment);
        }
        start = end + 1;
    }
    std::string out = "/";
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (i > 0) out.push_back('/');
        out.append(kept[i]);
    }
    // "/a/" and "/a/b/.." name a directory: keep the trailing slash.
    const bool trailing = last.empty() || last == "." || last == "..";
    if (trailing && !kept.empty()) out.push_back('/');
    return out;
}

using EncodedPairs = std::vector<std::pair<std::string, std::string>>;

EncodedPairs encode_pairs(const Params& query) {
    EncodedPairs pairs;
    pairs.reserve(query.size());
    for (const auto& [name, value] : query) pairs.emplace_back(uri_encode(name, false), uri_encode(value, false));
    return pairs;
}

std::string join(const EncodedPairs& pairs) {
    std::string out;
    for (const auto& [name, value] : pairs) {
        if (!out.empty()) out.push_back('&');
        out.append(name).append("=").append(value);
    }
    return out;
}

bool has_host(const Headers& headers) {
    return std::any_of(headers.begin(), headers.end(), [](const auto& h) { return lowercase(h.first) == "host"; });
}

Signature sign(const Request& request, const Scope& scope, std::string_view secret, TimePoint now,
               std::string_view payload_hash, PathRule rule) {
    Signature out;
    out.canonical_request = canonical_request(request, payload_hash, rule);
    out.string_to_sign = string_to_sign(now, scope, out.canonical_request);
    out.signature = signature(signing_key(secret, now, scope), out.string_to_sign);
    return out;
}

}  // namespace

std::string uri_encode(std::string_view text, bool keep_slash) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c) || (keep_slash && c == '/')) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHexUpper[c >> 4]);
            out.push_back(kHexUpper[c & 0x0F]);
        }
    }
    return out;
}

std::string canonical_uri(std::string_view path, PathRule rule) {
    if (path.empty()) return "/";
    if (rule == PathRule::kS3) return uri_encode(path, true);
    return uri_encode(normalise_path(path), true);
}

std::string canonical_query(const Params& query) {
    // By encoded name, then encoded value (not by the joined text: "a-b=" < "a=" bytewise).
    auto pairs = encode_pairs(query);
    std::sort(pairs.begin(), pairs.end());
    return join(pairs);
}

std::string query_string(const Params& query) { return join(encode_pairs(query)); }

CanonicalHeaders canonical_headers(const Headers& headers) {
    std::map<std::string, std::string> merged;
    for (const auto& [name, value] : headers) {
        auto [it, inserted] = merged.try_emplace(lowercase(normalise_value(name)));
        if (!inserted) it->second.push_back(',');
        it->second.append(normalise_value(value));
    }
    CanonicalHeaders out;
    for (const auto& [name, value] : merged) {
        out.block.append(name).append(":").append(value).append("\n");
        if (!out.signed_headers.empty()) out.signed_headers.push_back(';');
        out.signed_headers.append(name);
    }
    return out;
}

std::string canonical_request(const Request& request, std::string_view payload_hash, PathRule rule) {
    const auto headers = canonical_headers(request.headers);
    std::string out;
    out.append(request.method).append("\n");
    out.append(canonical_uri(request.path, rule)).append("\n");
    out.append(canonical_query(request.query)).append("\n");
    out.append(headers.block).append("\n");
    out.append(headers.signed_headers).append("\n");
    out.append(payload_hash);
    return out;
}

std::string amz_date(TimePoint t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{floor<seconds>(t - day)};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buffer;
}

std::string credential_scope(TimePoint t, const Scope& scope) {
    return amz_date(t).substr(0, 8) + "/" + scope.region + "/" + scope.service + "/aws4_request";
}

std::string string_to_sign(TimePoint t, const Scope& scope, std::string_view canonical_request) {
    std::string out(kAlgorithm);
    out.append("\n").append(amz_date(t));
    out.append("\n").append(credential_scope(t, scope));
    out.append("\n").append(core::sha256_hex(canonical_request));
    return out;
}

std::string signing_key(std::string_view secret_access_key, TimePoint t, const Scope& scope) {
    const auto date_key = core::hmac_sha256("AWS4" + std::string(secret_access_key), amz_date(t).substr(0, 8));
    const auto region_key = core::hmac_sha256(date_key, scope.region);
    const auto service_key = core::hmac_sha256(region_key, scope.service);
    return core::hmac_sha256(service_key, "aws4_request");
}

std::string signature(std::string_view signing_key, std::string_view string_to_sign) {
    return to_hex(core::hmac_sha256(signing_key, string_to_sign));
}

Signature sign_headers(Request& request, const Credentials& credentials, const Scope& scope, TimePoint now,
                       std::string_view payload_hash, PathRule rule, bool content_sha256_header) {
    if (!has_host(request.headers)) throw std::invalid_argument("sigv4: the request has no Host header");
    request.headers.emplace_back("x-amz-date", amz_date(now));
    if (content_sha256_header) request.headers.emplace_back("x-amz-content-sha256", std::string(payload_hash));
    auto out = sign(request, scope, credentials.secret_access_key, now, payload_hash, rule);
    std::string authorization(kAlgorithm);
    authorization.append(" Credential=").append(credentials.access_key_id).append("/");
    authorization.append(credential_scope(now, scope));
    authorization.append(", SignedHeaders=").append(canonical_headers(request.headers).signed_headers);
    authorization.append(", Signature=").append(out.signature);
    request.headers.emplace_back("Authorization", std::move(authorization));
    return out;
}

Signature sign_query(Request& request, const Credentials& credentials, const Scope& scope, TimePoint now,
                     std::chrono::seconds expires, std::string_view payload_hash, PathRule rule) {
    if (expires < std::chrono::seconds(1) || expires > kMaxPresignLifetime) {
        throw std::invalid_argument("sigv4: X-Amz-Expires must be between 1 and 604800 seconds");
    }
    if (!has_host(request.headers)) throw std::invalid_argument("sigv4: the request has no Host header");
    request.query.emplace_back("X-Amz-Algorithm", std::string(kAlgorithm));
    request.query.emplace_back("X-Amz-Credential", credentials.access_key_id + "/" + credential_scope(now, scope));
    request.query.emplace_back("X-Amz-Date", amz_date(now));
    request.query.emplace_back("X-Amz-Expires", std::to_string(expires.count()));
    request.query.emplace_back("X-Amz-SignedHeaders", canonical_headers(request.headers).signed_headers);
    auto out = sign(request, scope, credentials.secret_access_key, now, payload_hash, rule);
    request.query.emplace_back("X-Amz-Signature", out.signature);
    return out;
}

}  // namespace service::infra::storage::sigv4

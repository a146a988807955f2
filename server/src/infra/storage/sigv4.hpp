#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// AWS Signature Version 4 (AWS4-HMAC-SHA256) as pure functions: no I/O, no clock. Every step
/// is a function of its own so tests can compare each intermediate string with the published
/// test vectors (the AWS SigV4 test suite, the S3 documentation examples).
namespace service::infra::storage::sigv4 {

using TimePoint = std::chrono::system_clock::time_point;
/// Query parameters as decoded names and values, in any order.
using Params = std::vector<std::pair<std::string, std::string>>;
/// Request headers as sent, in any order; a name may repeat.
using Headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
/// SHA-256 of the empty string: the payload hash of a request without a body.
inline constexpr std::string_view kEmptyPayloadHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// The longest X-Amz-Expires a presigned URL may carry (7 days).
inline constexpr std::chrono::seconds kMaxPresignLifetime{604800};

/// How the request path becomes the canonical URI.
enum class PathRule {
    /// S3: `path` is the decoded path ("/bucket/my key"); each segment is URI-encoded once and
    /// nothing is normalised ("//a/./b" stays as it is, since S3 keys may contain such runs).
    kS3,
    /// Every other AWS service: `path` is the path as sent on the wire (already encoded once);
    /// it is normalised (empty, "." and ".." segments removed) and URI-encoded again, so the
    /// signature covers a double encoding of the original name.
    kGeneric,
};

struct Credentials {
    std::string access_key_id;
    std::string secret_access_key;
};

struct Scope {
    std::string region;   // "us-east-1"
    std::string service;  // "s3"
};

struct Request {
    std::string method;  // "GET", "PUT", ...
    std::string path;    // see PathRule
    Params query;
    Headers headers;  // must hold "host"
};

/// The intermediate strings and the result of one signing, for logs and tests.
struct Signature {
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;  // lowercase hex
};

/// RFC 3986 percent-encoding of every byte outside A-Z a-z 0-9 - . _ ~ (uppercase hex); '/'
/// is kept when `keep_slash` (paths) and encoded otherwise (query names and values).
std::string uri_encode(std::string_view text, bool keep_slash);

std::string canonical_uri(std::string_view path, PathRule rule);
/// Names and values encoded, pairs sorted by name then value, joined with '&'; a parameter
/// without a value keeps its '=' ("lifecycle=").
std::string canonical_query(const Params& query);
/// The same encoding in the given order: what goes after '?' in the URL.
std::string query_string(const Params& query);

struct CanonicalHeaders {
    std::string block;           // "name:value\n" per header name, names sorted
    std::string signed_headers;  // "host;x-amz-date"
};
/// Names lowercased, values trimmed with runs of whitespace collapsed to one space, repeated
/// names joined with ',' in the order they came.
CanonicalHeaders canonical_headers(const Headers& headers);

std::string canonical_request(const Request& request, std::string_view payload_hash, PathRule rule);

/// "20150830T123600Z" (UTC, whole seconds).
std::string amz_date(TimePoint t);
/// "20150830/us-east-1/service/aws4_request".
std::string credential_scope(TimePoint t, const Scope& scope);
std::string string_to_sign(TimePoint t, const Scope& scope, std::string_view canonical_request);
/// HMAC-SHA256 chain "AWS4"+secret → date → region → service → "aws4_request" (32 raw bytes).
std::string signing_key(std::string_view secret_access_key, TimePoint t, const Scope& scope);
/// Hex HMAC-SHA256 of the string to sign under the signing key.
std::string signature(std::string_view signing_key, std::string_view string_to_sign);

/// Header signing. Adds x-amz-date and, when `content_sha256_header` is set, an
/// x-amz-content-sha256 header carrying `payload_hash` (S3 requires it: the payload's hex
/// SHA-256 or UNSIGNED-PAYLOAD); signs every header of the request; then adds Authorization.
Signature sign_headers(Request& request, const Credentials& credentials, const Scope& scope, TimePoint now,
                       std::string_view payload_hash, PathRule rule, bool content_sha256_header);

/// Query signing (a presigned URL). Appends X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
/// X-Amz-Expires and X-Amz-SignedHeaders to the query, signs every header of the request
/// (the client must send them as they are), then appends X-Amz-Signature. Throws
/// std::invalid_argument unless 1 s <= expires <= kMaxPresignLifetime.
Signature sign_query(Request& request, const Credentials& credentials, const Scope& scope, TimePoint now,
                     std::chrono::seconds expires, std::string_view payload_hash, PathRule rule);

}  // namespace service::infra::storage::sigv4

#include "infra/storage/sigv4.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "infra/storage/s3_storage.hpp"
#include "infra/storage/storage.hpp"

namespace {

namespace sigv4 = service::infra::storage::sigv4;
using service::infra::storage::S3Settings;
using service::infra::storage::S3Storage;
using sigv4::PathRule;
using namespace std::chrono_literals;

sigv4::TimePoint utc(int y, unsigned m, unsigned d, std::chrono::seconds time_of_day = {}) {
    return std::chrono::sys_days{std::chrono::year{y} / m / d} + time_of_day;
}

// ---- The AWS Signature Version 4 test suite ------------------------------------------------

struct SuiteCase {
    std::string name;
    PathRule rule;
    std::string method;
    std::string path;
    sigv4::Params query;
    sigv4::Headers headers;
    std::string body;
    bool sign_body;  // the case signs the body's hash and sends it as x-amz-content-sha256
    std::string header_canonical_request;
    std::string header_string_to_sign;
    std::string header_signature;
    std::string header_authorization;
    std::string query_canonical_request;
    std::string query_string_to_sign;
    std::string query_signature;
};

std::vector<SuiteCase> suite_cases() {
    return {
#include "data/sigv4/aws_sig_v4_test_suite.inc"
    };
}

const sigv4::Credentials kSuiteCredentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
const sigv4::Scope kSuiteScope{"us-east-1", "service"};
const sigv4::TimePoint kSuiteTime = utc(2015, 8, 30, 12h + 36min);

sigv4::Request request_of(const SuiteCase& c) { return {c.method, c.path, c.query, c.headers}; }

class SigV4Suite : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(SigV4Suite, HeaderSigning) {
    const auto& c = GetParam();
    auto request = request_of(c);
    const auto payload_hash = service::core::sha256_hex(c.body);
    const auto signed_ =
        sigv4::sign_headers(request, kSuiteCredentials, kSuiteScope, kSuiteTime, payload_hash, c.rule, c.sign_body);
    EXPECT_EQ(signed_.canonical_request, c.header_canonical_request);
    EXPECT_EQ(signed_.string_to_sign, c.header_string_to_sign);
    EXPECT_EQ(signed_.signature, c.header_signature);
    ASSERT_FALSE(request.headers.empty());
    EXPECT_EQ(request.headers.back().first, "Authorization");
    EXPECT_EQ(request.headers.back().second, c.header_authorization);
}

TEST_P(SigV4Suite, QuerySigning) {
    const auto& c = GetParam();
    auto request = request_of(c);
    const auto payload_hash = service::core::sha256_hex(c.body);
    const auto signed_ =
        sigv4::sign_query(request, kSuiteCredentials, kSuiteScope, kSuiteTime, 3600s, payload_hash, c.rule);
    EXPECT_EQ(signed_.canonical_request, c.query_canonical_request);
    EXPECT_EQ(signed_.string_to_sign, c.query_string_to_sign);
    EXPECT_EQ(signed_.signature, c.query_signature);
    ASSERT_FALSE(request.query.empty());
    EXPECT_EQ(request.query.back().first, "X-Amz-Signature");
    EXPECT_EQ(request.query.back().second, c.query_signature);
}

INSTANTIATE_TEST_SUITE_P(SigV4, SigV4Suite, ::testing::ValuesIn(suite_cases()),
                         [](const ::testing::TestParamInfo<SuiteCase>& info) {
                             std::string name = info.param.name;
                             for (char& ch : name) {
                                 if (ch == '-') ch = '_';
                             }
                             return name;
                         });

// ---- The S3 documentation's examples -------------------------------------------------------
// "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
// and "Authenticating Requests: Using Query Parameters" (Amazon S3 API Reference): examplebucket,
// AKIAIOSFODNN7EXAMPLE, us-east-1, 20130524T000000Z. The expected strings are the published ones.

const sigv4::Credentials kS3Credentials{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"};
const sigv4::Scope kS3Scope{"us-east-1", "s3"};
const sigv4::TimePoint kS3Time = utc(2013, 5, 24);
constexpr std::string_view kS3Host = "examplebucket.s3.amazonaws.com";

std::string authorization_of(const sigv4::Request& request) {
    for (const auto& [name, value] : request.headers) {
        if (name == "Authorization") return value;
    }
    return {};
}

// The documentation writes the header without spaces after the commas; S3 takes both forms.
std::string without_comma_spaces(std::string text) {
    for (auto at = text.find(", "); at != std::string::npos; at = text.find(", ", at)) text.erase(at + 1, 1);
    return text;
}

TEST(SigV4S3Docs, GetObjectWithRange) {
    sigv4::Request request{"GET", "/test.txt", {}, {{"Host", std::string(kS3Host)}, {"Range", "bytes=0-9"}}};
    const auto s =
        sigv4::sign_headers(request, kS3Credentials, kS3Scope, kS3Time, sigv4::kEmptyPayloadHash, PathRule::kS3, true);
    EXPECT_EQ(s.canonical_request,
              "GET\n"
              "/test.txt\n"
              "\n"
              "host:examplebucket.s3.amazonaws.com\n"
              "range:bytes=0-9\n"
              "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
              "x-amz-date:20130524T000000Z\n"
              "\n"
              "host;range;x-amz-content-sha256;x-amz-date\n"
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(s.string_to_sign,
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    EXPECT_EQ(s.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    EXPECT_EQ(without_comma_spaces(authorization_of(request)),
              "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
              "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
              "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4S3Docs, PutObject) {
    const std::string payload_hash = service::core::sha256_hex("Welcome to Amazon S3.");
    ASSERT_EQ(payload_hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    sigv4::Request request{"PUT",
                           "/test$file.text",
                           {},
                           {{"Host", std::string(kS3Host)},
                            {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                            {"x-amz-storage-class", "REDUCED_REDUNDANCY"}}};
    const auto s = sigv4::sign_headers(request, kS3Credentials, kS3Scope, kS3Time, payload_hash, PathRule::kS3, true);
    EXPECT_EQ(s.canonical_request,
              "PUT\n"
              "/test%24file.text\n"
              "\n"
              "date:Fri, 24 May 2013 00:00:00 GMT\n"
              "host:examplebucket.s3.amazonaws.com\n"
              "x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072\n"
              "x-amz-date:20130524T000000Z\n"
              "x-amz-storage-class:REDUCED_REDUNDANCY\n"
              "\n"
              "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n"
              "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    EXPECT_EQ(s.string_to_sign,
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    EXPECT_EQ(s.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    EXPECT_EQ(without_comma_spaces(authorization_of(request)),
              "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
              "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
              "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4S3Docs, GetBucketLifecycle) {
    sigv4::Request request{"GET", "/", {{"lifecycle", ""}}, {{"Host", std::string(kS3Host)}}};
    const auto s =
        sigv4::sign_headers(request, kS3Credentials, kS3Scope, kS3Time, sigv4::kEmptyPayloadHash, PathRule::kS3, true);
    EXPECT_EQ(s.canonical_request,
              "GET\n"
              "/\n"
              "lifecycle=\n"
              "host:examplebucket.s3.amazonaws.com\n"
              "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
              "x-amz-date:20130524T000000Z\n"
              "\n"
              "host;x-amz-content-sha256;x-amz-date\n"
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(s.string_to_sign,
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca");
    EXPECT_EQ(s.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

TEST(SigV4S3Docs, ListObjects) {
    // Given in the other order on purpose: the canonical query sorts.
    sigv4::Request request{"GET", "/", {{"prefix", "J"}, {"max-keys", "2"}}, {{"Host", std::string(kS3Host)}}};
    const auto s =
        sigv4::sign_headers(request, kS3Credentials, kS3Scope, kS3Time, sigv4::kEmptyPayloadHash, PathRule::kS3, true);
    EXPECT_EQ(s.canonical_request,
              "GET\n"
              "/\n"
              "max-keys=2&prefix=J\n"
              "host:examplebucket.s3.amazonaws.com\n"
              "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
              "x-amz-date:20130524T000000Z\n"
              "\n"
              "host;x-amz-content-sha256;x-amz-date\n"
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(s.string_to_sign,
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
    EXPECT_EQ(s.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

constexpr std::string_view kPresignedExampleUrl =
    "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

TEST(SigV4S3Docs, PresignedGet) {
    sigv4::Request request{"GET", "/test.txt", {}, {{"Host", std::string(kS3Host)}}};
    const auto s =
        sigv4::sign_query(request, kS3Credentials, kS3Scope, kS3Time, 86400s, sigv4::kUnsignedPayload, PathRule::kS3);
    EXPECT_EQ(s.canonical_request,
              "GET\n"
              "/test.txt\n"
              "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F"
              "aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
              "host:examplebucket.s3.amazonaws.com\n"
              "\n"
              "host\n"
              "UNSIGNED-PAYLOAD");
    EXPECT_EQ(s.string_to_sign,
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
    EXPECT_EQ(s.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    EXPECT_EQ("https://" + std::string(kS3Host) + "/test.txt?" + sigv4::query_string(request.query),
              kPresignedExampleUrl);
}

TEST(SigV4S3Docs, PresignedGetThroughS3Storage) {
    const auto clock = service::core::TestClock::frozen(kS3Time);
    S3Storage storage({.endpoint = "https://s3.amazonaws.com",
                       .region = "us-east-1",
                       .bucket = "examplebucket",
                       .access_key_id = kS3Credentials.access_key_id,
                       .secret_access_key = kS3Credentials.secret_access_key},
                      clock);
    EXPECT_EQ(storage.presign_get("test.txt", 86400s), kPresignedExampleUrl);
}

// ---- Building blocks (definitions, not published vectors) ----------------------------------

TEST(SigV4Parts, UriEncodeKeepsOnlyUnreserved) {
    EXPECT_EQ(sigv4::uri_encode("AZaz09-._~", false), "AZaz09-._~");
    EXPECT_EQ(sigv4::uri_encode("a b+c=d&e/f*", false), "a%20b%2Bc%3Dd%26e%2Ff%2A");
    EXPECT_EQ(sigv4::uri_encode("/a b/c", true), "/a%20b/c");
    EXPECT_EQ(sigv4::uri_encode("%2F", true), "%252F");
}

TEST(SigV4Parts, S3PathsAreEncodedOnceAndNeverNormalised) {
    EXPECT_EQ(sigv4::canonical_uri("/bucket/a//b/./c/../d", PathRule::kS3), "/bucket/a//b/./c/../d");
    EXPECT_EQ(sigv4::canonical_uri("/bucket/my file", PathRule::kS3), "/bucket/my%20file");
    EXPECT_EQ(sigv4::canonical_uri("/bucket/my%20file", PathRule::kGeneric), "/bucket/my%2520file");
    EXPECT_EQ(sigv4::canonical_uri("", PathRule::kS3), "/");
}

TEST(SigV4Parts, AmzDateIsUtcWholeSeconds) {
    EXPECT_EQ(sigv4::amz_date(utc(2015, 8, 30, 12h + 36min) + 999ms), "20150830T123600Z");
    EXPECT_EQ(sigv4::amz_date(utc(1999, 12, 31, 23h + 59min + 59s)), "19991231T235959Z");
}

TEST(SigV4Parts, PresignLifetimeIsBounded) {
    const auto attempt = [](std::chrono::seconds lifetime) {
        sigv4::Request request{"GET", "/k", {}, {{"host", "h"}}};
        sigv4::sign_query(request, kS3Credentials, kS3Scope, kS3Time, lifetime, sigv4::kUnsignedPayload, PathRule::kS3);
    };
    EXPECT_THROW(attempt(0s), std::invalid_argument);
    EXPECT_THROW(attempt(604801s), std::invalid_argument);
    EXPECT_NO_THROW(attempt(604800s));
}

TEST(SigV4Parts, SigningNeedsAHost) {
    sigv4::Request request{"GET", "/k", {}, {}};
    EXPECT_THROW(
        sigv4::sign_headers(request, kS3Credentials, kS3Scope, kS3Time, sigv4::kEmptyPayloadHash, PathRule::kS3, true),
        std::invalid_argument);
}

// ---- What S3Storage signs and where it sends it --------------------------------------------

S3Settings settings(std::string endpoint, bool path_style) {
    return {.endpoint = std::move(endpoint),
            .region = "eu-central-1",
            .bucket = "media-bucket",
            .access_key_id = "AKID",
            .secret_access_key = "secret",
            .force_path_style = path_style};
}

TEST(SigV4S3Storage, PathStyleSignsHostAndNonDefaultPort) {
    const service::core::SystemClock clock;
    S3Storage storage(settings("http://127.0.0.1:9000", true), clock);
    EXPECT_EQ(storage.host(), "127.0.0.1:9000");
    EXPECT_EQ(storage.object_url("media/a/original"), "http://127.0.0.1:9000/media-bucket/media/a/original");
}

TEST(SigV4S3Storage, DefaultPortsAreLeftOut) {
    const service::core::SystemClock clock;
    EXPECT_EQ(S3Storage(settings("https://s3.eu-central-1.amazonaws.com:443", false), clock).host(),
              "media-bucket.s3.eu-central-1.amazonaws.com");
    EXPECT_EQ(S3Storage(settings("http://MinIO.internal:80/", true), clock).host(), "minio.internal");
    EXPECT_EQ(S3Storage(settings("https://minio.internal:80", true), clock).host(), "minio.internal:80");
}

TEST(SigV4S3Storage, VirtualHostedPutsTheBucketInTheHost) {
    const service::core::SystemClock clock;
    S3Storage storage(settings("https://s3.eu-central-1.amazonaws.com", false), clock);
    EXPECT_EQ(storage.object_url("media/a/thumb.webp"),
              "https://media-bucket.s3.eu-central-1.amazonaws.com/media/a/thumb.webp");
}

TEST(SigV4S3Storage, RefusesSettingsS3WouldNot) {
    const service::core::SystemClock clock;
    for (const char* endpoint :
         {"ftp://host", "http://host/prefix", "http://user@host", "http://host?x=1", "host:9000", "http://host:"}) {
        EXPECT_THROW(S3Storage(settings(endpoint, true), clock), std::invalid_argument) << endpoint;
    }
    EXPECT_THROW(S3Storage(settings("http://127.0.0.1:9000", false), clock), std::invalid_argument);
    auto bad_bucket = settings("http://127.0.0.1:9000", true);
    bad_bucket.bucket = "Media_Bucket";
    EXPECT_THROW(S3Storage(bad_bucket, clock), std::invalid_argument);
    auto no_secret = settings("http://127.0.0.1:9000", true);
    no_secret.secret_access_key.clear();
    EXPECT_THROW(S3Storage(no_secret, clock), std::invalid_argument);
}

TEST(SigV4S3Storage, PresignedPutCarriesTheSignedContentType) {
    const auto now = utc(2031, 4, 5, 6h + 7min + 8s);
    const auto clock = service::core::TestClock::frozen(now + 250ms);
    S3Storage storage(settings("http://127.0.0.1:9000", true), clock);
    const auto put = storage.presign_put("media/a/original", "image/jpeg", 900s);
    ASSERT_TRUE(put);
    EXPECT_EQ(put->method, "PUT");
    EXPECT_TRUE(put->url.starts_with("http://127.0.0.1:9000/media-bucket/media/a/original?X-Amz-Algorithm="));
    EXPECT_NE(put->url.find("&X-Amz-Date=20310405T060708Z&X-Amz-Expires=900&X-Amz-SignedHeaders=content-type%3Bhost&"),
              std::string::npos);
    ASSERT_EQ(put->headers.size(), 1U);
    EXPECT_EQ(put->headers[0].first, "Content-Type");
    EXPECT_EQ(put->headers[0].second, "image/jpeg");
    EXPECT_EQ(put->expires_at, now + 900s);
    EXPECT_THROW(storage.presign_put("media/a/original", "image/jpeg\r\nX-Evil: 1", 900s), std::invalid_argument);
    EXPECT_THROW(storage.presign_get("media/../x", 900s), std::invalid_argument);
    EXPECT_THROW(storage.presign_get("media/a", 604801s), std::invalid_argument);
}

TEST(SigV4S3Storage, PublicUrlNeedsABase) {
    const service::core::SystemClock clock;
    S3Storage without(settings("http://127.0.0.1:9000", true), clock);
    EXPECT_EQ(without.public_url("media/a/thumb.webp"), std::nullopt);
    auto with_base = settings("http://127.0.0.1:9000", true);
    with_base.public_base_url = "https://cdn.example.com/media-bucket/";
    S3Storage with(with_base, clock);
    EXPECT_EQ(with.public_url("media/a/thumb.webp"), "https://cdn.example.com/media-bucket/media/a/thumb.webp");
}

// ---- valid_key (storage.cpp) ---------------------------------------------------------------

TEST(StorageValidKey, AcceptsServerGeneratedKeys) {
    using service::infra::storage::valid_key;
    EXPECT_TRUE(valid_key("media/0b7c6f1e-8a55-4c1e-9d4b-2f3a1e5d6c7b/original"));
    EXPECT_TRUE(valid_key("media/x/thumb.webp"));
    EXPECT_TRUE(valid_key("a"));
    EXPECT_TRUE(valid_key(std::string(512, 'k')));
}

TEST(StorageValidKey, RefusesEverythingElse) {
    using service::infra::storage::valid_key;
    for (const char* key : {"", "/media/x", "media/x/", "media//x", "./x", "media/../x", "media/.", "..", "media/a b",
                            "media/a%2Fb", "media\\x", "media/\xc3\xa9"}) {
        EXPECT_FALSE(valid_key(key)) << key;
    }
    EXPECT_FALSE(valid_key(std::string(513, 'k')));
    EXPECT_FALSE(valid_key(std::string_view("a\0b", 3)));
}

}  // namespace

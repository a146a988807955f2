#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"

/// A stand-in for Google's OAuth token endpoint and the FCM HTTP v1 API, for tests: a real
/// HTTP/1.1 server (keep-alive) on 127.0.0.1, port 0, with its own thread.
///
/// It checks the wire protocol as Google would: /token verifies the RS256 assertion with the
/// public half of the key it generated (header alg/kid, claims iss/scope/aud/iat/exp) and the
/// form fields; messages:send checks the Bearer token is one it issued (not revoked, not
/// expired) and the message's JSON shape and size. A malformed request gets a 400 and is
/// listed in protocol_errors(), so a test that expects success fails loudly.
///
///     service::testing::FakeFcm fcm;
///     // PUSH_PROVIDER=fcm FCM_CREDENTIALS_FILE=fcm.credentials_path() FCM_ENDPOINT=fcm.endpoint()
///     auto got = fcm.wait_for_messages(1);
namespace service::testing {

/// One scripted reply. The helpers build FCM's and Google OAuth's real error bodies.
struct FakeFcmReply {
    unsigned status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type

    static FakeFcmReply unregistered();                     // 404 NOT_FOUND, UNREGISTERED
    static FakeFcmReply quota_exceeded(int retry_after_s);  // 429 RESOURCE_EXHAUSTED, QUOTA_EXCEEDED, Retry-After
    static FakeFcmReply unavailable();                      // 503 UNAVAILABLE
    static FakeFcmReply internal();                         // 500 INTERNAL
    static FakeFcmReply invalid_token();                    // 400 INVALID_ARGUMENT, field violation on message.token
    static FakeFcmReply invalid_argument(const std::string& message);  // 400 INVALID_ARGUMENT about something else
    static FakeFcmReply unauthenticated();         // 401 UNAUTHENTICATED (what a revoked token gets)
    static FakeFcmReply third_party_auth_error();  // 401 THIRD_PARTY_AUTH_ERROR (APNs credentials)
    static FakeFcmReply sender_id_mismatch();      // 403 PERMISSION_DENIED, SENDER_ID_MISMATCH
    /// A /token error: {"error": error, "error_description": description}.
    static FakeFcmReply oauth_error(unsigned status, const std::string& error, const std::string& description);
};

/// A message messages:send accepted (answered 200).
struct ReceivedPush {
    std::string token;
    std::string title;
    std::string body;
    std::map<std::string, std::string> data;
    boost::json::object message;  // the whole "message" object, as received
    std::size_t request_bytes = 0;
    std::string name;  // what the reply called it: "projects/<p>/messages/<n>"
};

class FakeFcm {
  public:
    /// Checks expiry (assertions and access tokens) against the system clock.
    FakeFcm();
    /// Against `clock` (pass the sender's TestClock when a test moves time); it must outlive this.
    explicit FakeFcm(const core::Clock& clock);
    ~FakeFcm();
    FakeFcm(const FakeFcm&) = delete;
    FakeFcm& operator=(const FakeFcm&) = delete;

    /// A service-account JSON file (RSA-2048 key, token_uri = this server's /token), removed
    /// with the fake.
    const std::string& credentials_path() const;
    /// "http://127.0.0.1:<port>", for FCM_ENDPOINT.
    const std::string& endpoint() const;
    const std::string& project_id() const;
    std::uint16_t port() const;

    /// Sends to `token` get 404 UNREGISTERED from now on.
    void add_unregistered(const std::string& token);
    /// The next messages:send requests that pass the auth and shape checks get these, in order.
    void push_send_reply(FakeFcmReply reply);
    /// The next /token requests with a valid assertion get these, in order.
    void push_token_reply(FakeFcmReply reply);
    /// Every access token issued so far is refused (401 UNAUTHENTICATED) from now on.
    void revoke_tokens();

    /// Copies of the accepted messages, oldest first.
    std::vector<ReceivedPush> messages() const;
    /// Waits until at least `n` messages were accepted or `timeout` passes; returns them all.
    std::vector<ReceivedPush> wait_for_messages(std::size_t n,
                                                std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
    /// Requests to /token, valid or not.
    int token_requests() const;
    /// Requests to messages:send, answered however.
    int send_requests() const;
    /// TCP connections accepted so far.
    int connections() const;
    /// Why requests were refused as malformed (bad assertion, bad JSON shape, ...): a client bug.
    std::vector<std::string> protocol_errors() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace service::testing

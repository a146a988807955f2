#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include <boost/json/value.hpp>

#include "core/asio.hpp"
#include "core/clock.hpp"

/// The job queue's vocabulary (docs/jobs.md). A job is a row in `jobs`: a kind, a JSON payload
/// and a state, enqueued inside the transaction of the change that causes it and run at least
/// once by a worker on some node. Handlers must therefore be idempotent; an effect that must
/// happen once dedupes by a key of its own.
namespace service::infra::jobs {

/// What a handler receives.
struct Job {
    std::int64_t id = 0;
    std::string kind;
    boost::json::value payload;
    int attempt = 1;  // 1 on the first run
    int max_attempts = 1;
    std::optional<std::string> unique_key;
};

/// A handler for one kind. It takes the job by value (a coroutine must not hold references
/// into its caller). Returning completes the job; throwing fails the attempt, and the job is
/// retried with backoff until it runs out of attempts; throwing Discard ends it at once.
using Handler = std::function<net::awaitable<void>(Job)>;

/// Thrown by a handler for a job that can never succeed (a malformed payload, a push token the
/// provider rejected): the job is discarded without further attempts, the message kept.
class Discard : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Thrown by a handler whose attempt failed and that knows when to try again (a provider's
/// Retry-After): the next attempt waits at least `delay` instead of the usual backoff, if the
/// job has attempts left.
class RetryAfter : public std::runtime_error {
  public:
    RetryAfter(const std::string& what, std::chrono::milliseconds delay) : std::runtime_error(what), delay_(delay) {}
    std::chrono::milliseconds delay() const { return delay_; }

  private:
    std::chrono::milliseconds delay_;
};

struct EnqueueOptions {
    /// When the job may run, on the workers' clock (core::Clock); absent: at once.
    std::optional<core::TimePoint> run_at;
    /// Lower runs first among the runnable jobs of a kind.
    int priority = 0;
    int max_attempts = 20;
    /// While a job with this key is unfinished (scheduled, available, running, retryable),
    /// enqueueing the key again returns that job; once it is final the key is free again.
    std::optional<std::string> unique_key;
};

struct Enqueued {
    std::int64_t id = 0;
    bool duplicate = false;  // an unfinished job already held the unique key; `id` is that job
};

/// A row as `service-server jobs list` shows it.
struct JobInfo {
    std::int64_t id = 0;
    std::string kind;
    std::string state;
    int priority = 0;
    int attempt = 0;
    int max_attempts = 0;
    std::string run_at;  // RFC 3339, UTC
    std::optional<std::string> unique_key;
    std::optional<std::string> locked_by;
    std::optional<std::string> last_error;
    std::string payload;
};

/// The NOTIFY channel on which enqueues wake idle workers; the payload is the job's kind.
inline constexpr std::string_view kChannel = "service_jobs";

}  // namespace service::infra::jobs

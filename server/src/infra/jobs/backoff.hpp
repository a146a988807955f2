#pragma once
#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.hpp"

/// The queue's pure arithmetic: retry delays, periodic slots, and the error text kept per attempt.
namespace service::infra::jobs {

/// The delay before attempt `attempt + 1` after attempt `attempt` failed: min(2^attempt s, cap),
/// moved by up to ±`jitter` of itself so that jobs which failed together do not retry together.
/// `unit` is a uniform draw from [0, 1): 0 gives the shortest delay, 0.5 the nominal one.
std::chrono::milliseconds backoff(int attempt, double unit, std::chrono::seconds cap = std::chrono::hours(1),
                                  double jitter = 0.2);

/// backoff() with a random draw.
std::chrono::milliseconds random_backoff(int attempt);

/// The start of the slot of length `period` that contains `now`; slots are aligned to the Unix
/// epoch, so every node computes the same slots from its clock.
core::TimePoint slot_start(core::TimePoint now, std::chrono::seconds period);

/// An error message as a job keeps it: at most `limit` bytes of valid UTF-8, control characters
/// other than newline and tab replaced by spaces, invalid bytes by '?'.
std::string error_text(std::string_view what, std::size_t limit = 2000);

}  // namespace service::infra::jobs

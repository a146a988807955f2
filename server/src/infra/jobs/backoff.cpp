#include "infra/jobs/backoff.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace service::infra::jobs {

std::chrono::milliseconds backoff(int attempt, double unit, std::chrono::seconds cap, double jitter) {
    const double cap_ms = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(cap).count());
    // 2^attempt seconds; past 2^40 every cap we would use is long exceeded.
    const double nominal = std::min(cap_ms, std::ldexp(1000.0, std::clamp(attempt, 0, 40)));
    const double factor = 1.0 + jitter * (2.0 * std::clamp(unit, 0.0, 1.0) - 1.0);
    return std::chrono::milliseconds(static_cast<long long>(std::llround(nominal * factor)));
}

std::chrono::milliseconds random_backoff(int attempt) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uniform_real_distribution<double> draw(0.0, 1.0);
    return backoff(attempt, draw(engine));
}

core::TimePoint slot_start(core::TimePoint now, std::chrono::seconds period) {
    using std::chrono::microseconds;
    const auto us = std::chrono::duration_cast<microseconds>(now.time_since_epoch()).count();
    const auto len = std::chrono::duration_cast<microseconds>(period).count();
    if (len <= 0) return now;
    auto start = us - us % len;
    if (us % len < 0) start -= len;  // before the epoch: round down, not towards zero
    return core::TimePoint(std::chrono::duration_cast<core::TimePoint::duration>(microseconds(start)));
}

namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 0;
    if (i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;
    if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0;
    if (n == 4 && c == 0xF0 && byte(i + 1) < 0x90) return 0;
    if (n == 4 && c == 0xF4 && byte(i + 1) >= 0x90) return 0;
    return n;
}

}  // namespace

std::string error_text(std::string_view what, std::size_t limit) {
    std::string out;
    out.reserve(std::min(what.size(), limit));
    for (std::size_t i = 0; i < what.size();) {
        const std::size_t n = utf8_length(what, i);
        const std::size_t take = n == 0 ? 1 : n;
        if (out.size() + take > limit) break;
        const auto c = static_cast<unsigned char>(what[i]);
        if (n == 0) {
            out.push_back('?');
        } else if (n == 1 && (c < 0x20 || c == 0x7F) && c != '\n' && c != '\t') {
            out.push_back(' ');
        } else {
            out.append(what.substr(i, n));
        }
        i += take;
    }
    if (out.empty()) out = "(no message)";
    return out;
}

}  // namespace service::infra::jobs

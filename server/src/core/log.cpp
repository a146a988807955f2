#include "core/log.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <thread>

#include "core/json_text.hpp"

namespace service::core::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};

std::string_view level_name(Level level) {
    switch (level) {
        case Level::kDebug:
            return "debug";
        case Level::kInfo:
            return "info";
        case Level::kWarn:
            return "warn";
        case Level::kError:
            return "error";
    }
    return "info";
}

std::string now_rfc3339() {
    const auto now = std::chrono::system_clock::now();
    const auto secs = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[40];
    const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(millis));
    return buf;
}

std::string json_line(Level level, std::string_view msg, boost::json::object fields) {
    boost::json::object line;
    line.reserve(fields.size() + 3);
    line["ts"] = now_rfc3339();
    line["level"] = level_name(level);
    line["msg"] = msg;
    for (auto& kv : fields) line[kv.key()] = std::move(kv.value());
    std::string text = json_text(line);
    text.push_back('\n');
    return text;
}

// Dmitry Vyukov's bounded MPMC queue (used here with one consumer): a producer claims a slot
// with one CAS on `tail_` and publishes it through the slot's sequence number, so write() never
// takes a lock and never waits; a full queue is reported, not waited for.
class LineQueue {
  public:
    static constexpr std::size_t kCapacity = 8192;  // a power of two

    LineQueue() : slots_(std::make_unique<Slot[]>(kCapacity)) {
        for (std::size_t i = 0; i < kCapacity; ++i) slots_[i].sequence.store(i, std::memory_order_relaxed);
    }

    bool push(std::string& line) {
        std::size_t pos = tail_.load(std::memory_order_relaxed);
        for (;;) {
            Slot& slot = slots_[pos & (kCapacity - 1)];
            const std::size_t seq = slot.sequence.load(std::memory_order_acquire);
            const auto diff = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
            if (diff == 0) {
                if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) {
                    slot.line = std::move(line);
                    slot.sequence.store(pos + 1, std::memory_order_release);
                    return true;
                }
            } else if (diff < 0) {
                return false;  // full
            } else {
                pos = tail_.load(std::memory_order_relaxed);
            }
        }
    }

    // Single consumer.
    bool pop(std::string& line) {
        Slot& slot = slots_[head_ & (kCapacity - 1)];
        const std::size_t seq = slot.sequence.load(std::memory_order_acquire);
        if (seq != head_ + 1) return false;  // empty (or the next producer is still copying)
        line = std::move(slot.line);
        slot.line = std::string();
        slot.sequence.store(head_ + kCapacity, std::memory_order_release);
        ++head_;
        return true;
    }

  private:
    struct Slot {
        std::atomic<std::size_t> sequence{0};
        std::string line;
    };
    std::unique_ptr<Slot[]> slots_;
    alignas(64) std::atomic<std::size_t> tail_{0};
    alignas(64) std::size_t head_ = 0;  // the writer thread only
};

// The one background writer. Created on first use and never destroyed (it must outlive every
// static that logs); exit() drains it through the atexit hook.
class Writer {
  public:
    Writer() : thread_([this] { run(); }) {}

    void submit(std::string line) {
        if (stopped_.load(std::memory_order_acquire)) {
            // After shutdown (static destructors, late threads): write directly.
            std::FILE* out = output_.load();
            std::fwrite(line.data(), 1, line.size(), out);
            std::fflush(out);
            return;
        }
        if (!queue_.push(line)) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        pushed_.fetch_add(1, std::memory_order_release);
        wake();
    }

    void flush() {
        if (stopped_.load(std::memory_order_acquire)) return;
        const auto target = pushed_.load(std::memory_order_acquire);
        wake();
        for (auto done = written_.load(std::memory_order_acquire); done < target;
             done = written_.load(std::memory_order_acquire)) {
            written_.wait(done);
        }
    }

    void set_output(std::FILE* out) {
        flush();
        output_.store(out);
    }

    void stop() {
        if (stopping_.exchange(true)) return;
        wake();
        thread_.join();
        stopped_.store(true, std::memory_order_release);
    }

    unsigned long long dropped() const { return dropped_.load(std::memory_order_relaxed); }

  private:
    void wake() {
        wake_.fetch_add(1, std::memory_order_release);
        wake_.notify_one();
    }

    void run() {
        unsigned long long reported = 0;
        std::string line;
        for (;;) {
            const auto seen = wake_.load(std::memory_order_acquire);
            std::FILE* out = output_.load();
            std::uint64_t lines = 0;
            // Bounded batches, so flush() and the drop notice are not starved by a steady stream.
            while (lines < 512 && queue_.pop(line)) {
                std::fwrite(line.data(), 1, line.size(), out);
                ++lines;
            }
            bool notice = false;
            if (const auto lost = dropped_.load(std::memory_order_relaxed); lost != reported) {
                const auto text = json_line(Level::kWarn, "log lines dropped: the output is slower than the server",
                                            {{"dropped", lost - reported}});
                std::fwrite(text.data(), 1, text.size(), out);
                reported = lost;
                notice = true;
            }
            const bool idle = lines == 0 && !notice;
            if (!idle) std::fflush(out);
            if (lines > 0) {
                written_.fetch_add(lines, std::memory_order_release);
                written_.notify_all();
            }
            if (stopping_.load(std::memory_order_acquire) && idle) return;
            if (idle) wake_.wait(seen);
        }
    }

    LineQueue queue_;
    std::atomic<std::FILE*> output_{stdout};
    std::atomic<std::uint64_t> pushed_{0};   // lines queued
    std::atomic<std::uint64_t> written_{0};  // queued lines written and flushed
    std::atomic<unsigned long long> dropped_{0};
    std::atomic<std::uint32_t> wake_{0};
    std::atomic<bool> stopping_{false};
    std::atomic<bool> stopped_{false};
    std::thread thread_;  // last: starts once everything above exists
};

Writer& writer() {
    static Writer* const instance = [] {
        auto* w = new Writer();
        std::atexit([] { writer().stop(); });
        return w;
    }();
    return *instance;
}

}  // namespace

std::string describe(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

void set_level(Level level) { g_level = level; }
Level level() { return g_level; }

bool parse_level(std::string_view text, Level& out) {
    if (text == "debug")
        out = Level::kDebug;
    else if (text == "info")
        out = Level::kInfo;
    else if (text == "warn" || text == "warning")
        out = Level::kWarn;
    else if (text == "error")
        out = Level::kError;
    else
        return false;
    return true;
}

void write(Level level, std::string_view msg, boost::json::object fields) {
    if (level < g_level.load(std::memory_order_relaxed)) return;
    writer().submit(json_line(level, msg, std::move(fields)));
}

void flush() { writer().flush(); }

unsigned long long dropped() { return writer().dropped(); }

void set_output(std::FILE* out) { writer().set_output(out); }

}  // namespace service::core::log

#include "modules/media/processor.hpp"

#include <filesystem>

#include <boost/json/serialize.hpp>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "infra/images/image_pipeline.hpp"

// Work for a thread pool is always a named lambda moved into run(): GCC 12 mis-copies a
// lambda temporary inside a co_await expression (ENGINEERING-NOTES, BlockingPool::run).

namespace service::media {
namespace fs = std::filesystem;
namespace images = infra::images;
namespace {

std::string_view failure_code(images::Failure failure) {
    switch (failure) {
        case images::Failure::kUnsupportedType:
            return "unsupported_type";
        case images::Failure::kTooLarge:
            return "too_large";
        case images::Failure::kCorrupt:
            return "corrupt";
    }
    return "corrupt";
}

// What one run of the pipeline made of a photo; computed on a worker thread.
struct Outcome {
    std::optional<std::string> failure;
    std::optional<std::string> detected_type;
    Repository::ReadyFields ready;
};

// A working directory of this process's own, removed however the run ends.
struct WorkDir {
    fs::path path = fs::temp_directory_path() / ("service-media-" + core::random_token(12));
    WorkDir() { fs::create_directories(path); }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    ~WorkDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

// Blocking: fetch the original, run libvips, store every variant. Throws StorageError (the
// run is retried) but reports what is wrong with the image itself as a failure (final).
Outcome run_pipeline(infra::storage::Storage& storage, const std::string& id) {
    WorkDir work;
    const auto original = work.path / "original";
    Outcome outcome;
    if (!storage.get_file(original_key(id), original)) {
        outcome.failure = "processing_error";  // the upload vanished from the store
        return outcome;
    }
    fs::create_directories(work.path / "out");
    const auto result = images::process(original, work.path / "out");
    if (!result.ok) {
        outcome.failure = std::string(failure_code(result.failure.value_or(images::Failure::kCorrupt)));
        return outcome;
    }
    const auto& processed = *result.ok;
    boost::json::object variants;
    for (const auto& v : processed.variants) {
        const std::string format = v.format == "jpeg" ? "jpg" : v.format;
        storage.put_file(variant_key(id, v.name, format), v.file, format == "jpg" ? "image/jpeg" : "image/webp");
        variants[v.name] = {{"width", v.width}, {"height", v.height}};
    }
    outcome.detected_type = std::string(images::mime_type(processed.type));
    outcome.ready = {*outcome.detected_type, processed.width, processed.height, processed.placeholder,
                     boost::json::serialize(variants)};
    return outcome;
}

}  // namespace

Processor::Processor(db::Pool& pool, const Repository& repository, infra::storage::Storage& storage,
                     const core::Clock& clock, int workers, std::chrono::milliseconds sweep_every)
    : pool_(pool),
      repository_(repository),
      storage_(storage),
      clock_(clock),
      sweep_every_(sweep_every),
      workers_(static_cast<std::size_t>(std::max(1, workers))) {}

void Processor::start(net::any_io_executor executor) {
    executor_ = std::move(executor);
    net::co_spawn(executor_, sweep_loop(), net::detached);
}

void Processor::stop() { stopped_ = true; }

void Processor::enqueue(std::string id) {
    net::co_spawn(executor_, process(std::move(id), 1), [](std::exception_ptr e) {
        if (e) core::log::warn("media processing ended with an error", {{"error", core::log::describe(e)}});
    });
}

net::awaitable<void> Processor::process_now(std::string id) {
    // On a strand of its own, as a background run is on the sweeper's: the run and its lease
    // renewer share state.
    auto strand = net::make_strand(co_await net::this_coro::executor);
    co_await net::co_spawn(strand, process(std::move(id), 1), net::use_awaitable);
}

// The lease renewal of one run, on the run's executor. Cancelling the timer when the run ends
// lets the renewer finish at once rather than after its next tick (an io_context that runs
// only imports would otherwise wait up to kRenewEvery before it ran out of work).
struct Processor::Renewal {
    explicit Renewal(const net::any_io_executor& executor) : timer(executor) {}
    void stop() {
        running = false;
        timer.cancel();
    }
    net::steady_timer timer;
    bool running = true;
};

net::awaitable<void> Processor::process(std::string id, int attempt) {
    Outcome outcome;
    bool retry_later = false;
    auto renewal = std::make_shared<Renewal>(co_await net::this_coro::executor);
    net::co_spawn(renewal->timer.get_executor(), renew_while(id, renewal), net::detached);
    try {
        auto job = [this, id] { return run_pipeline(storage_, id); };
        outcome = co_await workers_.run(std::move(job));
        renewal->stop();
    } catch (const std::exception& e) {
        renewal->stop();
        core::log::warn("media processing failed; it will be retried",
                        {{"media_id", id}, {"attempt", attempt}, {"error", e.what()}});
        retry_later = true;
    }
    if (retry_later) {
        // The lease runs out and a sweeper takes it again, up to kMaxAttempts.
        if (attempt >= kMaxAttempts) co_await repository_.finish_failed(pool_, id, "processing_error", std::nullopt);
        co_return;
    }
    if (outcome.failure) {
        co_await repository_.finish_failed(pool_, id, *outcome.failure, outcome.detected_type);
        core::log::info("media failed", {{"media_id", id}, {"reason", *outcome.failure}});
    } else {
        co_await repository_.finish_ready(pool_, id, std::move(outcome.ready));
    }
}

net::awaitable<void> Processor::renew_while(std::string id, std::shared_ptr<Renewal> renewal) {
    while (renewal->running && !stopped_) {
        renewal->timer.expires_after(kRenewEvery);
        co_await renewal->timer.async_wait(kUseTuple);
        if (!renewal->running || stopped_) break;
        try {
            co_await repository_.renew_lease(pool_, id, core::to_timestamptz(clock_.now() + kLease));
        } catch (const std::exception& e) {
            core::log::warn("media lease renewal failed", {{"media_id", id}, {"error", e.what()}});
        }
    }
}

net::awaitable<void> Processor::sweep() {
    const auto now = clock_.now();
    const auto claimed =
        co_await repository_.claim_stale(pool_, core::to_timestamptz(now), core::to_timestamptz(now + kLease), 4);
    for (const auto& c : claimed) {
        if (c.attempts > kMaxAttempts) {
            co_await repository_.finish_failed(pool_, c.id, "processing_error", std::nullopt);
            continue;
        }
        core::log::info("media processing resumed after a stale lease", {{"media_id", c.id}, {"attempt", c.attempts}});
        net::co_spawn(executor_, process(c.id, c.attempts), net::detached);
    }
    const auto abandoned = co_await repository_.abandoned(pool_, core::to_timestamptz(now));
    for (const auto& id : abandoned) {
        const bool removed = co_await repository_.remove_abandoned(pool_, id, core::to_timestamptz(now));
        if (!removed) continue;
        // The row is gone first: a crash here leaves stray files, never a row without its files.
        auto job = [this, id] {
            remove_files(storage_, id);
            return true;
        };
        co_await workers_.run(std::move(job));
    }
}

net::awaitable<void> Processor::sweep_loop() {
    net::steady_timer timer(co_await net::this_coro::executor);
    while (!stopped_) {
        timer.expires_after(sweep_every_);
        co_await timer.async_wait(kUseTuple);
        if (stopped_) break;
        try {
            if (pool_.ready()) co_await sweep();
        } catch (const std::exception& e) {
            core::log::warn("media sweep failed", {{"error", e.what()}});
        }
    }
}

}  // namespace service::media

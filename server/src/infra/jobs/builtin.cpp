#include "infra/jobs/builtin.hpp"

#include <algorithm>

#include "core/log.hpp"
#include "infra/jobs/queue.hpp"

// Handlers are plain lambdas that return a named coroutine's awaitable: a capturing lambda that
// is itself a coroutine is what GCC 12 miscompiles (ENGINEERING-NOTES).

namespace service::infra::jobs {
namespace {

net::awaitable<void> noop(Job /*job*/) { co_return; }

net::awaitable<void> sleep_for(Job job) {
    std::int64_t ms = 0;
    if (const auto* object = job.payload.if_object()) {
        if (const auto* value = object->if_contains("ms")) {
            if (!value->is_int64()) throw Discard("system.sleep: ms must be an integer");
            ms = std::clamp<std::int64_t>(value->as_int64(), 0, 600'000);
        }
    }
    net::steady_timer timer(co_await net::this_coro::executor, std::chrono::milliseconds(ms));
    co_await timer.async_wait(net::use_awaitable);
}

net::awaitable<void> purge(db::Pool* pool, std::chrono::seconds retention, Job job) {
    const auto deleted = co_await purge_finished(*pool, retention);
    const auto* slot = job.payload.is_object() ? job.payload.as_object().if_contains("slot") : nullptr;
    core::log::info("purged finished jobs", {{"deleted", deleted}, {"slot", slot != nullptr ? *slot : nullptr}});
}

}  // namespace

void register_builtin(Runner& runner, db::Pool& pool, BuiltinOptions options) {
    runner.handle("system.noop", 32, [](Job job) { return noop(std::move(job)); });
    runner.every("maintenance.purge_jobs", options.purge_every, [pool = &pool, retention = options.retention](Job job) {
        return purge(pool, retention, std::move(job));
    });
    if (options.test_kinds) runner.handle("system.sleep", 8, [](Job job) { return sleep_for(std::move(job)); });
}

}  // namespace service::infra::jobs

// The runner's background loops besides claiming: the LISTEN connection, the lease renewer,
// the sweeper of expired leases, the depth count and the periodic slots. All on the strand.
#include <algorithm>

#include <boost/json/serialize.hpp>

#include "core/log.hpp"
#include "infra/jobs/backoff.hpp"
#include "infra/jobs/runner_state.hpp"
#include "jobs_sql.hpp"

namespace service::infra::jobs {
namespace {

constexpr int kSweepBatch = 100;

}  // namespace

net::awaitable<void> Runner::State::listen_loop(Ptr self) {
    auto delay = std::chrono::milliseconds(200);
    bool warned = false;
    const std::string listen = "LISTEN " + std::string(kChannel);
    while (!self->stopping) {
        std::string failure;
        try {
            db::Connection conn(self->strand);
            self->listener = &conn;
            co_await conn.connect(self->options.conninfo, std::chrono::seconds(2));
            if (self->stopping) break;
            co_await conn.execute(listen);
            self->listening = true;
            if (warned) core::log::info("job notifications work again");
            warned = false;
            delay = std::chrono::milliseconds(200);
            // Notifications sent while nobody listened are lost: look at the table once.
            self->wake_all();
            for (;;) {
                const auto notes = co_await conn.wait_notifications();
                bool any = false;
                for (const auto& note : notes) {
                    const auto it = self->kinds.find(note.payload);
                    if (it == self->kinds.end()) continue;
                    it->second.maybe_more = true;
                    any = true;
                }
                if (any) self->wake_claimer();
            }
        } catch (const std::exception& e) {
            failure = e.what();
        }
        // The connection is gone (it lived in the try block).
        self->listener = nullptr;
        self->listening = false;
        if (self->stopping) break;
        if (!warned)
            core::log::warn("job notifications unavailable; polling until they are back", {{"error", failure}});
        warned = true;
        self->listen_timer.expires_after(delay);
        co_await self->listen_timer.async_wait(kUseTuple);
        delay = std::min(delay * 2, std::chrono::milliseconds(5000));
    }
    self->listener = nullptr;
    self->listening = false;
}

net::awaitable<void> Runner::State::renew_loop(Ptr self) {
    while (!self->drained) {
        self->renew_timer.expires_after(self->renew_every());
        co_await self->renew_timer.async_wait(kUseTuple);
        if (self->drained || self->running.empty() || !self->pool.ready()) continue;
        std::vector<std::int64_t> sent;
        std::vector<std::string> ids;
        for (const auto& [id, r] : self->running) {
            sent.push_back(id);
            ids.push_back(std::to_string(id));
        }
        const auto lease_end = core::to_timestamptz(self->clock.now() + self->options.lease);
        std::string failure;
        try {
            const auto rows =
                co_await self->pool.query(sql::kRenewLeases, db::Params(ids, self->options.worker_id, lease_end));
            std::vector<std::int64_t> held;
            for (int i = 0; i < rows.size(); ++i) held.push_back(rows[i].get<std::int64_t>(0));
            for (const auto id : sent) {
                if (std::find(held.begin(), held.end(), id) != held.end()) continue;
                const auto it = self->running.find(id);
                if (it == self->running.end() || it->second.lost) continue;  // finished meanwhile
                it->second.lost = true;
                core::log::warn(
                    "a running job is no longer ours (cancelled or taken over); its outcome will be dropped",
                    {{"id", id}, {"kind", it->second.kind->name}});
            }
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (!failure.empty()) core::log::warn("renewing job leases failed", {{"error", failure}});
    }
}

net::awaitable<void> Runner::State::sweep_loop(Ptr self) {
    while (!self->stopping) {
        self->sweep_timer.expires_after(self->sweep_every());
        co_await self->sweep_timer.async_wait(kUseTuple);
        if (self->stopping || !self->pool.ready()) continue;
        std::string failure;
        try {
            for (;;) {
                const auto now = core::to_timestamptz(self->clock.now());
                const auto rows = co_await self->pool.query(sql::kSweepExpired, db::Params(now, kSweepBatch));
                for (int i = 0; i < rows.size(); ++i) {
                    const auto kind = rows[i].get<std::string>(1);
                    const auto state = rows[i].get<std::string>(2);
                    core::log::warn("a job's lease ran out (its worker died?)",
                                    {{"id", rows[i].get<std::int64_t>(0)}, {"kind", kind}, {"state", state}});
                    const auto it = self->kinds.find(kind);
                    if (state == "available" && it != self->kinds.end()) {
                        it->second.maybe_more = true;
                        self->wake_claimer();
                    }
                }
                if (rows.size() < kSweepBatch || self->stopping) break;
            }
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (!failure.empty()) core::log::debug("sweeping job leases failed", {{"error", failure}});
    }
}

net::awaitable<void> Runner::State::depth_loop(Ptr self) {
    while (!self->stopping) {
        if (self->pool.ready()) {
            std::string failure;
            try {
                const auto rows = co_await self->pool.query(sql::kDepth, db::Params());
                std::vector<DepthRow> depth;
                for (int i = 0; i < rows.size(); ++i) {
                    depth.push_back(
                        {rows[i].get<std::string>(0), rows[i].get<std::string>(1), rows[i].get<std::int64_t>(2)});
                }
                self->metrics.set_depth(depth);
            } catch (const std::exception& e) {
                failure = e.what();
            }
            if (!failure.empty()) core::log::debug("counting jobs failed", {{"error", failure}});
        }
        self->depth_timer.expires_after(self->pool.ready() ? self->options.depth_interval
                                                           : std::chrono::milliseconds(500));
        co_await self->depth_timer.async_wait(kUseTuple);
    }
}

net::awaitable<bool> Runner::State::take_slot(Ptr self, Periodic* periodic, core::TimePoint slot) {
    const auto start = core::to_timestamptz(slot);
    const boost::json::object payload{{"slot", start}};
    const std::string key = "periodic:" + periodic->kind + ":" + start;
    const auto rows = co_await self->pool.query(
        sql::kPeriodicSlot,
        db::Params(periodic->kind, start, boost::json::serialize(payload), key, periodic->max_attempts));
    if (rows.empty()) co_return false;
    core::log::debug("periodic job enqueued", {{"kind", periodic->kind}, {"slot", start}});
    const auto it = self->kinds.find(periodic->kind);
    if (it != self->kinds.end()) it->second.maybe_more = true;
    self->wake_claimer();
    co_return true;
}

net::awaitable<void> Runner::State::periodic_loop(Ptr self, Periodic* periodic) {
    bool warned = false;
    while (!self->stopping) {
        periodic->pending = false;
        auto wait = std::min(self->options.poll_interval, std::chrono::milliseconds(200));
        if (self->pool.ready()) {
            const auto slot = slot_start(self->clock.now(), periodic->period);
            bool ok = true;
            if (periodic->done != slot) {
                std::string failure;
                try {
                    co_await take_slot(self, periodic, slot);
                } catch (const std::exception& e) {
                    failure = e.what();
                }
                ok = failure.empty();
                if (ok) {
                    periodic->done = slot;
                    warned = false;
                } else if (!warned) {
                    core::log::warn("could not take a periodic job's slot",
                                    {{"kind", periodic->kind}, {"error", failure}});
                    warned = true;
                }
            }
            if (self->stopping) break;
            if (ok) {
                const auto now = self->clock.now();
                const auto current = slot_start(now, periodic->period);
                if (current != periodic->done) continue;  // the clock moved on meanwhile
                const auto to_next = std::chrono::ceil<std::chrono::milliseconds>(current + periodic->period - now);
                wait = std::min(self->options.poll_interval, to_next);
            } else {
                wait = self->options.poll_interval;
            }
        }
        if (periodic->pending) continue;
        periodic->timer.expires_after(wait);
        co_await periodic->timer.async_wait(kUseTuple);
    }
}

}  // namespace service::infra::jobs

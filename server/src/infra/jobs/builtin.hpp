#pragma once
#include <chrono>

#include "db/pool.hpp"
#include "infra/jobs/runner.hpp"

namespace service::infra::jobs {

struct BuiltinOptions {
    /// Also registers system.sleep (JOBS_TEST_KINDS): a job that takes a while, for the tests
    /// and benchmarks that kill a worker in the middle of one.
    bool test_kinds = false;
    std::chrono::seconds purge_every = std::chrono::hours(1);
    std::chrono::seconds retention = std::chrono::hours(24 * 7);
};

/// The queue's own kinds, registered on every node:
///   system.noop            does nothing (benchmarks, tests)
///   maintenance.purge_jobs periodic: deletes finished jobs older than the retention, in batches
///   system.sleep           (test_kinds only) payload {"ms": N}: waits N ms (at most 10 minutes)
void register_builtin(Runner& runner, db::Pool& pool, BuiltinOptions options = {});

}  // namespace service::infra::jobs

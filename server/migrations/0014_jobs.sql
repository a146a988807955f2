-- The job queue (infra/jobs, docs/jobs.md): one row per job, enqueued in the transaction of the
-- change that causes it, claimed by workers on any node with FOR UPDATE SKIP LOCKED.
CREATE TABLE jobs (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind <> ''),
    payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- scheduled: waits for run_at; available: ready now; running: leased by a worker;
    -- retryable: failed, waits for run_at (its backoff); completed, discarded (out of attempts
    -- or refused by its handler) and cancelled are final.
    state        text NOT NULL CHECK (state IN ('scheduled', 'available', 'running', 'completed', 'retryable',
                                                'discarded', 'cancelled')),
    priority     smallint NOT NULL DEFAULT 0,  -- lower runs first
    run_at       timestamptz NOT NULL,         -- on the workers' clock
    attempt      integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    max_attempts integer NOT NULL DEFAULT 20 CHECK (max_attempts >= 1),
    errors       jsonb NOT NULL DEFAULT '[]'::jsonb,  -- [{attempt, at, error}], one per failed attempt
    unique_key   text,
    lease_until  timestamptz,                  -- while running; on the workers' clock
    locked_by    text,                         -- the worker that holds (or last held) the job
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    started_at   timestamptz,                  -- the latest attempt's start
    finished_at  timestamptz,
    CHECK (state <> 'running' OR lease_until IS NOT NULL)
);

-- A unique key is held while its job is unfinished and free again once it is final.
CREATE UNIQUE INDEX jobs_unique_key ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('scheduled', 'available', 'running', 'retryable');
-- Claiming: per kind, in priority then run_at order, among the jobs that can run.
CREATE INDEX jobs_claim ON jobs (kind, priority, run_at, id)
    WHERE state IN ('scheduled', 'available', 'retryable');
-- The sweeper: running jobs whose lease ran out.
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
-- The purge of finished jobs.
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state IN ('completed', 'discarded', 'cancelled');

-- One row per periodic job and slot that some node has taken: the primary key lets exactly
-- one node enqueue a slot's run, however many nodes run and however often they restart.
CREATE TABLE job_periodic_runs (
    kind       text NOT NULL,
    slot_start timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (kind, slot_start)
);

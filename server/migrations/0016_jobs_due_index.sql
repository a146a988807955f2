-- The job queue's "when is the next job due" (infra/jobs/sql/claim.sql): one probe per kind
-- among the jobs that wait for their time, instead of a scan of every runnable job.
CREATE INDEX jobs_due ON jobs (kind, run_at) WHERE state IN ('scheduled', 'retryable');

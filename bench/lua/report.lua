-- Shared by every wrk scenario (loaded with dofile by lua/health.lua, login.lua, me.lua and
-- marketplace/nearby.lua, slots.lua).
--
-- Numbers the wrk threads (the global thread_no, for seed_random), counts responses by status
-- in every thread and, when the run ends, prints one machine-readable line that
-- bench/http-bench and bench/marketplace-bench parse by field name:
--
--   BENCH requests=N duration_us=N rps=F p50_us=N p95_us=N p99_us=N max_us=N mean_us=F
--         non2xx=N status_429=N statuses=200:N,... errors_connect=N errors_read=N
--         errors_write=N errors_timeout=N
--
-- wrk's own --latency report has no p95, hence latency:percentile() here. Latencies are
-- microseconds, measured by wrk from writing the request to reading the whole response.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_no", #threads)
end

-- Each wrk thread has its own Lua state: a different, reproducible sequence per thread
-- (BENCH_SEED, default 42).
function seed_random()
   local base = tonumber(os.getenv("BENCH_SEED") or "42") or 42
   math.randomseed(base * 1000 + (thread_no or 0))
   for _ = 1, 10 do math.random() end
end

-- Per-thread state.
statuses = {}

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local merged = {}
   for _, thread in ipairs(threads) do
      local counts = thread:get("statuses")
      if counts then
         for status, n in pairs(counts) do
            merged[status] = (merged[status] or 0) + n
         end
      end
   end
   local codes, non2xx = {}, 0
   for status, _ in pairs(merged) do table.insert(codes, status) end
   table.sort(codes)
   local parts = {}
   for _, status in ipairs(codes) do
      table.insert(parts, string.format("%d:%d", status, merged[status]))
      if status < 200 or status > 299 then non2xx = non2xx + merged[status] end
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.2f p50_us=%d p95_us=%d p99_us=%d max_us=%d mean_us=%.1f " ..
      "non2xx=%d status_429=%d statuses=%s errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d\n",
      summary.requests, summary.duration, seconds > 0 and summary.requests / seconds or 0,
      latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
      non2xx, merged[429] or 0, #parts > 0 and table.concat(parts, ",") or "none",
      e.connect, e.read, e.write, e.timeout))
end

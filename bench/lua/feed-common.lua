-- Shared by the feed benchmark's wrk scripts (bench/lua/feed-*.lua, driven by bench/feed-bench).
-- Loads lua/report.lua (statuses, the BENCH line, seed_random) and adds:
--
--   * data files of whitespace-separated fields, one record a line (tokens, posts, photos), read
--     with io.lines: a Lua table literal of 100,000 strings would exceed LuaJIT's constants;
--   * the wrk thread's share of them (BENCH_THREADS threads, thread_no from report.lua);
--   * request tracking by X-Request-Id: the server echoes the header, so response() knows which
--     request (which virtual user, which kind of request) an answer belongs to, whichever
--     connection it came back on; wrk itself has no per-connection state in Lua;
--   * per-kind latency (clock_gettime through the LuaJIT FFI, from building the request, which wrk
--     writes at once, to the parsed response) and per-kind statuses, printed at the end as
--
--       FEED kind=<k> requests=N p50_us=N p95_us=N p99_us=N max_us=N statuses=200:N,...
--       FEED_NOTE key=value ...
--
--     so that a run mixing kinds (the next-page run restarts a virtual user from the top when its
--     snapshot ends) can be judged on the kind it is about.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

-- report.lua keeps its list of threads to itself: keep our own as well.
local report_setup = setup
local my_threads = {}
function setup(thread)
   report_setup(thread)
   table.insert(my_threads, thread)
end

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } feed_bench_timespec;
int clock_gettime(int clk_id, feed_bench_timespec *tp);
]]
local ts = ffi.new("feed_bench_timespec")
local CLOCK_MONOTONIC = 1
function now_us()
   ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
   return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

function env(name, default)
   local v = os.getenv(name)
   if v == nil or v == "" then
      if default == nil then error(name .. " is not set (bench/feed-bench sets it)") end
      return default
   end
   return v
end

-- Every record of FILE as an array of its fields.
function read_records(file)
   local out = {}
   for line in io.lines(file) do
      local rec = {}
      for field in line:gmatch("%S+") do rec[#rec + 1] = field end
      if #rec > 0 then out[#out + 1] = rec end
   end
   if #out == 0 then error("no records in " .. file) end
   return out
end

-- The records of this wrk thread: every BENCH_THREADS-th one, starting at thread_no. With
-- LIMIT, only the first LIMIT records of the file are shared out.
function my_share(records, limit)
   local threads = tonumber(env("BENCH_THREADS", "1"))
   local n = limit and math.min(limit, #records) or #records
   local mine = {}
   local k = thread_no or 1
   for i = k, n, threads do mine[#mine + 1] = records[i] end
   if #mine == 0 then error("thread " .. tostring(thread_no) .. " got no records of " .. n) end
   return mine
end

-- Per-thread tracking state, copied to the main state in done() with thread:get, which copies
-- flat tables only: one latency array (lat_<kind>) and one status table (st_<kind>) per kind.
KINDS = { "first", "next", "following", "like", "post" }
for _, kind in ipairs(KINDS) do
   _G["lat_" .. kind] = {}
   _G["st_" .. kind] = {}
end
feed_notes = {}    -- name -> count
local inflight = {}
local seq = 0

function note(name, n)
   feed_notes[name] = (feed_notes[name] or 0) + (n or 1)
end

-- Starts tracking a request of KIND carrying DATA; returns the X-Request-Id to send.
function track(kind, data)
   seq = seq + 1
   local rid = string.format("fb%d-%d", thread_no or 0, seq)
   inflight[rid] = { kind = kind, data = data, t0 = now_us() }
   return rid
end

-- Finishes the request an answer belongs to: records its latency and status by kind and
-- returns its kind and data (nil when the answer carries no known X-Request-Id).
function finish(status, headers)
   local rid = headers["X-Request-Id"] or headers["x-request-id"]
   local e = rid and inflight[rid]
   if not e then
      note("unmatched_responses")
      return nil, nil
   end
   inflight[rid] = nil
   local lat = _G["lat_" .. e.kind]
   lat[#lat + 1] = now_us() - e.t0
   local st = _G["st_" .. e.kind]
   st[status] = (st[status] or 0) + 1
   return e.kind, e.data
end

local function percentile(sorted, p)
   if #sorted == 0 then return 0 end
   local i = math.ceil(#sorted * p / 100)
   if i < 1 then i = 1 end
   return sorted[i]
end

local report_done = done
function done(summary, latency, requests)
   report_done(summary, latency, requests)
   local lat, st, notes = {}, {}, {}
   for _, thread in ipairs(my_threads) do
      for _, kind in ipairs(KINDS) do
         local values = thread:get("lat_" .. kind) or {}
         if #values > 0 then
            lat[kind] = lat[kind] or {}
            for _, v in ipairs(values) do table.insert(lat[kind], v) end
         end
         for status, n in pairs(thread:get("st_" .. kind) or {}) do
            st[kind] = st[kind] or {}
            st[kind][status] = (st[kind][status] or 0) + n
         end
      end
      for name, n in pairs(thread:get("feed_notes") or {}) do notes[name] = (notes[name] or 0) + n end
   end
   local kinds = {}
   for kind, _ in pairs(lat) do table.insert(kinds, kind) end
   table.sort(kinds)
   for _, kind in ipairs(kinds) do
      local values = lat[kind]
      table.sort(values)
      local codes, parts = {}, {}
      for status, _ in pairs(st[kind] or {}) do table.insert(codes, status) end
      table.sort(codes)
      for _, status in ipairs(codes) do table.insert(parts, string.format("%d:%d", status, st[kind][status])) end
      io.write(string.format("FEED kind=%s requests=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d statuses=%s\n",
         kind, #values, percentile(values, 50), percentile(values, 95), percentile(values, 99),
         values[#values] or 0, #parts > 0 and table.concat(parts, ",") or "none"))
   end
   local names, parts = {}, {}
   for name, _ in pairs(notes) do table.insert(names, name) end
   table.sort(names)
   for _, name in ipairs(names) do table.insert(parts, string.format("%s=%d", name, notes[name])) end
   io.write("FEED_NOTE " .. (#parts > 0 and table.concat(parts, " ") or "none") .. "\n")
end

-- The users' tokens (BENCH_USERS_FILE: "<user id> <access token>" per line).
function load_tokens()
   return read_records(env("BENCH_USERS_FILE"))
end

-- GET /api/v1/masters/{id}/slots?service_id=&from=&to= for a random master and service and a
-- random 7-day window, per request. The candidates come from the Lua file named by
-- BENCH_SLOTS_TARGETS, written by bench/marketplace-bench:
--   return { pairs = { {"<master id>", "<service id>"}, ... },
--            windows = { {"<from>", "<to>"}, ... } }
-- (every active service of every master; every 7-day window inside the next 60 days).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lua/report.lua")

local file = os.getenv("BENCH_SLOTS_TARGETS")
if not file or file == "" then
   error("slots.lua needs BENCH_SLOTS_TARGETS (a Lua file of master/service pairs and date windows)")
end
local targets = dofile(file)
local n_pairs, n_windows = #targets.pairs, #targets.windows
if n_pairs == 0 or n_windows == 0 then
   error("slots.lua: no master/service pairs or no date windows in " .. file)
end

function init(args)
   seed_random()
end

function request()
   local p = targets.pairs[math.random(n_pairs)]
   local w = targets.windows[math.random(n_windows)]
   return wrk.format("GET", "/api/v1/masters/" .. p[1] .. "/slots?service_id=" .. p[2] ..
                            "&from=" .. w[1] .. "&to=" .. w[2])
end

-- GET /api/v1/users/me with a bearer token: JWT verification, the per-request account
-- check (a primary-key lookup) and the profile query, so two PostgreSQL round trips.
-- (With RATE_LIMIT_PER_MINUTE=0 the rate limiter does not touch Redis.)
-- The access token comes from BENCH_TOKEN (bench/http-bench takes it from the registration).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local token = os.getenv("BENCH_TOKEN")
if not token or token == "" then
   error("me.lua needs BENCH_TOKEN (an access token) in the environment")
end

wrk.method = "GET"
wrk.path = "/api/v1/users/me"
wrk.headers["Authorization"] = "Bearer " .. token

-- following, first page: GET /api/v1/feed?tab=following as the bench users in turn (each wrk
-- thread walks its share of BENCH_USERS_FILE from a random place): the keyset-paged posts and
-- reposts of whom the viewer follows and their friends (docs/feed.md, sql/list_following.sql).
-- Environment (set by bench/feed-bench): BENCH_USERS_FILE, BENCH_THREADS, BENCH_SEED, BENCH_FEED_LIMIT.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "feed-common.lua")

local report_response = response
local users, next_user
local limit = os.getenv("BENCH_FEED_LIMIT") or ""
local path = "/api/v1/feed?tab=following" .. (limit ~= "" and ("&limit=" .. limit) or "")

function init(args)
   seed_random()
   users = my_share(load_tokens())
   next_user = math.random(#users)
end

function request()
   local u = users[next_user]
   next_user = next_user % #users + 1
   return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. u[2], ["X-Request-Id"] = track("following") })
end

function response(status, headers, body)
   report_response(status, headers, body)
   finish(status, headers)
end

-- PUT /api/v1/posts/{id}/like: a random bench user likes a random post of BENCH_POSTS_FILE (one
-- post id a line; bench/feed-bench writes recent visible posts). One statement checks visibility,
-- inserts the like and bumps the counter (sql/like_post.sql.in), and the same transaction
-- enqueues the post_liked notification. A pair liked before answers 200 too (idempotent).
-- Environment (set by bench/feed-bench): BENCH_USERS_FILE, BENCH_POSTS_FILE, BENCH_THREADS, BENCH_SEED.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "feed-common.lua")

local report_response = response
local users, posts

function init(args)
   seed_random()
   users = load_tokens()
   posts = read_records(env("BENCH_POSTS_FILE"))
end

function request()
   local u = users[math.random(#users)]
   local p = posts[math.random(#posts)]
   return wrk.format("PUT", "/api/v1/posts/" .. p[1] .. "/like",
      { ["Authorization"] = "Bearer " .. u[2], ["X-Request-Id"] = track("like") })
end

function response(status, headers, body)
   report_response(status, headers, body)
   finish(status, headers)
end

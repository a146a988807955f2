-- for_you, next pages: virtual users scrolling their snapshot. Each wrk thread has its share of
-- the first BENCH_VUSERS users of BENCH_USERS_FILE (bench/feed-bench sets BENCH_VUSERS to the
-- number of connections, so there is one virtual user per connection). A virtual user's first
-- request is a first page (kind "first": ranks, stores the snapshot); after that it keeps asking
-- for its next_cursor (kind "next": one Redis round trip and the render of 20 posts); when the
-- snapshot ends (next_cursor null), or on a 410 (snapshot expired) or any other error, it starts
-- again from the top. The server echoes X-Request-Id, which tells response() whose answer it
-- is, whichever connection it came back on.
-- Environment (set by bench/feed-bench): BENCH_USERS_FILE, BENCH_VUSERS, BENCH_THREADS, BENCH_SEED,
-- BENCH_FEED_LIMIT.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "feed-common.lua")

local report_response = response
local limit = os.getenv("BENCH_FEED_LIMIT") or ""
local base = "/api/v1/feed?tab=for_you" .. (limit ~= "" and ("&limit=" .. limit) or "")

local ready = {}        -- FIFO of virtual users not waiting for an answer
local head, tail = 1, 0
local all = {}

local function push(u)
   tail = tail + 1
   ready[tail] = u
end
local function pop()
   if head > tail then return nil end
   local u = ready[head]
   ready[head] = nil
   head = head + 1
   return u
end

function init(args)
   seed_random()
   local records = load_tokens()
   for _, r in ipairs(my_share(records, tonumber(env("BENCH_VUSERS")))) do
      local u = { token = r[2], cursor = nil, pages = 0 }
      all[#all + 1] = u
      push(u)
   end
end

function request()
   local u = pop()
   if not u then
      -- More requests in flight than virtual users (a reconnect lost an answer): borrow one.
      note("borrowed_vuser")
      u = all[math.random(#all)]
   end
   local kind, path = "first", base
   if u.cursor then
      kind = "next"
      path = base .. "&cursor=" .. u.cursor
   end
   return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. u.token, ["X-Request-Id"] = track(kind, u) })
end

function response(status, headers, body)
   report_response(status, headers, body)
   local kind, u = finish(status, headers)
   if not u then return end
   if status == 200 then
      local cursor = body:match('"next_cursor":"([^"]+)"')
      if kind == "next" then u.pages = u.pages + 1 end
      if not cursor then
         note("snapshot_ends")
         note("pages_per_snapshot_total", u.pages)
         u.pages = 0
      end
      u.cursor = cursor
   else
      if status == 410 then note("snapshot_expired") end
      u.cursor = nil
      u.pages = 0
   end
   push(u)
end

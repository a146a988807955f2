-- POST /api/v1/posts: a bench master publishes one of their ready, unattached photos, each photo
-- once (BENCH_MEDIA_FILE: "<master token> <media id> <one of the master's services>" per line;
-- every wrk thread consumes its own share in order). Every third post links the service ("book
-- this look"). The transaction locks and attaches the photo, inserts the post and its
-- post_media row and enqueues feed.post_published; the answer is the rendered post.
-- When a thread has used up its photos it starts over, and those requests fail with 422 (the
-- photo is in a post already): bench/feed-bench provides enough photos for its runs.
-- Environment (set by bench/feed-bench): BENCH_MEDIA_FILE, BENCH_THREADS, BENCH_SEED.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "feed-common.lua")

local report_response = response
local media, next_media
local texts = {
   "Новая работа: нюдовый маникюр с укреплением.",
   "Окрашивание airtouch, плавный переход. Есть окна на выходных!",
   "Вечерний макияж для фотосессии.",
   "",
}

function init(args)
   seed_random()
   media = my_share(read_records(env("BENCH_MEDIA_FILE")))
   next_media = 1
end

function request()
   local m = media[next_media]
   if next_media == #media then note("photos_used_up") end
   next_media = next_media % #media + 1
   local body
   if next_media % 3 == 0 then
      body = string.format('{"text":"%s","media_ids":["%s"],"service_id":"%s"}', texts[math.random(#texts)], m[2], m[3])
   else
      body = string.format('{"text":"%s","media_ids":["%s"]}', texts[math.random(#texts)], m[2])
   end
   return wrk.format("POST", "/api/v1/posts", {
      ["Authorization"] = "Bearer " .. m[1], ["Content-Type"] = "application/json", ["X-Request-Id"] = track("post") }, body)
end

function response(status, headers, body)
   report_response(status, headers, body)
   finish(status, headers)
end

-- GET /health: the HTTP stack alone (no database, no Redis, not rate limited).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

wrk.method = "GET"
wrk.path = "/health"

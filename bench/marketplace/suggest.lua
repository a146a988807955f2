-- GET /api/v1/search/suggest with what someone has typed so far: one of twelve beginnings
-- (two to five letters, Cyrillic, the wrong layout, Latin) per request. Environment (set by
-- bench/marketplace-bench): BENCH_SEED, random seed (42).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lua/report.lua")

-- Percent-encoded: ма, ман, мани, стр, стриж, шуг, лам, мас, окр, vfy, man, bar.
local prefixes = {
   "%D0%BC%D0%B0", "%D0%BC%D0%B0%D0%BD", "%D0%BC%D0%B0%D0%BD%D0%B8", "%D1%81%D1%82%D1%80",
   "%D1%81%D1%82%D1%80%D0%B8%D0%B6", "%D1%88%D1%83%D0%B3", "%D0%BB%D0%B0%D0%BC", "%D0%BC%D0%B0%D1%81",
   "%D0%BE%D0%BA%D1%80", "vfy", "man", "bar",
}

function init(args)
   seed_random()
end

function request()
   return wrk.format("GET", "/api/v1/search/suggest?q=" .. prefixes[math.random(#prefixes)])
end

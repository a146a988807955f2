-- GET /api/v1/search with one of ten representative queries (as written, a typo, the wrong
-- keyboard layout, transliterated, two words, a synonym) per request. Environment (set by
-- bench/marketplace-bench):
--   BENCH_SEARCH      plain      the query alone (masters, no point)
--                     filters    at a random point of the box, 10 km, price and rating
--                                filters, sorted by distance
--                     available  at a random point of the box, 10 km, available=today
--   BENCH_CENTER_LAT, BENCH_CENTER_LON, BENCH_BOX_KM: the box the masters were spread over
--   BENCH_SEED        random seed                                    (42)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lua/report.lua")

local mode = os.getenv("BENCH_SEARCH") or "plain"
local lat0 = tonumber(os.getenv("BENCH_CENTER_LAT") or "55.7558")
local lon0 = tonumber(os.getenv("BENCH_CENTER_LON") or "37.6173")
local box_km = tonumber(os.getenv("BENCH_BOX_KM") or "30")
local dlat = box_km / 111.2
local dlon = box_km / (111.32 * math.cos(math.rad(lat0)))

-- Percent-encoded: маникюр, маникур, vfybr.h, manikur, стрижка мужская, шугаринг,
-- массаж лица, ногти, ламинирование ресниц, окрашивание.
local queries = {
   "%D0%BC%D0%B0%D0%BD%D0%B8%D0%BA%D1%8E%D1%80",
   "%D0%BC%D0%B0%D0%BD%D0%B8%D0%BA%D1%83%D1%80",
   "vfybr.h",
   "manikur",
   "%D1%81%D1%82%D1%80%D0%B8%D0%B6%D0%BA%D0%B0%20%D0%BC%D1%83%D0%B6%D1%81%D0%BA%D0%B0%D1%8F",
   "%D1%88%D1%83%D0%B3%D0%B0%D1%80%D0%B8%D0%BD%D0%B3",
   "%D0%BC%D0%B0%D1%81%D1%81%D0%B0%D0%B6%20%D0%BB%D0%B8%D1%86%D0%B0",
   "%D0%BD%D0%BE%D0%B3%D1%82%D0%B8",
   "%D0%BB%D0%B0%D0%BC%D0%B8%D0%BD%D0%B8%D1%80%D0%BE%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5%20%D1%80%D0%B5%D1%81%D0%BD%D0%B8%D1%86",
   "%D0%BE%D0%BA%D1%80%D0%B0%D1%88%D0%B8%D0%B2%D0%B0%D0%BD%D0%B8%D0%B5",
}

function init(args)
   seed_random()
end

function request()
   local q = queries[math.random(#queries)]
   local path = "/api/v1/search?q=" .. q
   if mode ~= "plain" then
      local lat = lat0 + (math.random() - 0.5) * dlat
      local lon = lon0 + (math.random() - 0.5) * dlon
      path = path .. string.format("&lat=%.6f&lon=%.6f&radius_km=10", lat, lon)
      if mode == "filters" then
         path = path .. "&price_max=300000&min_rating=4&sort=distance"
      else
         path = path .. "&available=today"
      end
   end
   return wrk.format("GET", path)
end

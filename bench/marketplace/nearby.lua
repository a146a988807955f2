-- GET /api/v1/masters?lat=&lon=&radius_km=&sort= at a random point of the data set's box
-- for every request. Environment (set by bench/marketplace-bench):
--   BENCH_SORT        distance | rating | price                      (distance)
--   BENCH_RADIUS_KM   search radius                                  (3)
--   BENCH_CENTER_LAT, BENCH_CENTER_LON, BENCH_BOX_KM: the box the masters were spread over
--                                                    (55.7558, 37.6173, 30)
--   BENCH_SEED        random seed                                    (42)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lua/report.lua")

local sort = os.getenv("BENCH_SORT") or "distance"
local radius = os.getenv("BENCH_RADIUS_KM") or "3"
local lat0 = tonumber(os.getenv("BENCH_CENTER_LAT") or "55.7558")
local lon0 = tonumber(os.getenv("BENCH_CENTER_LON") or "37.6173")
local box_km = tonumber(os.getenv("BENCH_BOX_KM") or "30")
-- The same degrees-per-kilometre as bench/marketplace/data-masters.sql.
local dlat = box_km / 111.2
local dlon = box_km / (111.32 * math.cos(math.rad(lat0)))

function init(args)
   seed_random()
end

function request()
   local lat = lat0 + (math.random() - 0.5) * dlat
   local lon = lon0 + (math.random() - 0.5) * dlon
   return wrk.format("GET", string.format("/api/v1/masters?lat=%.6f&lon=%.6f&radius_km=%s&sort=%s",
                                          lat, lon, radius, sort))
end

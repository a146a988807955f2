-- Where the viewer is by their profile: the location's longitude and latitude (NULL when
-- unset) and the city. $1 viewer.
SELECT ST_X(location::geometry), ST_Y(location::geometry), coalesce(city, '')
FROM users WHERE id = $1::uuid

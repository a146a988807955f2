-- Nearby masters ordered by distance. $1 lat, $2 lon, $3 radius in metres, $4 category (a parent
-- category matches its children too) or NULL, $5 minimum rating or NULL, $6 limit + 1,
-- $7/$8 the cursor (sort key, id) or NULL, $9 caller user id or NULL.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2::float8, $1::float8), 4326)::geography AS point),
found AS (
    SELECT m.id, ST_Distance(m.location, p.point) AS k, ST_Distance(m.location, p.point) AS distance_m
    FROM masters m, p
    WHERE ST_DWithin(m.location, p.point, $3::float8)
      AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM categories c
                                        WHERE c.id = ANY (m.category_ids) AND (c.id = $4::uuid OR c.parent_id = $4::uuid)))
      AND ($5::float8 IS NULL OR (m.rating_count > 0 AND m.rating_sum::float8 / m.rating_count >= $5::float8))
)
SELECT m.id, m.display_name, m.city, m.address, ST_Y(m.location::geometry), ST_X(m.location::geometry),
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'parent_id', c.parent_id, 'slug', c.slug,
                                                   'name_ru', c.name_ru, 'name_en', c.name_en) ORDER BY c.position), '[]')
        FROM categories c WHERE c.id = ANY (m.category_ids)),
       CASE WHEN m.rating_count > 0 THEN round(m.rating_sum::numeric / m.rating_count, 2)::float8 END, m.rating_count,
       f.distance_m,
       (SELECT min(s.price_minor) FROM master_services s WHERE s.master_id = m.id AND s.active),
       EXISTS (SELECT 1 FROM favorite_masters fm WHERE fm.user_id = $9::uuid AND fm.master_id = m.id),
       f.k
FROM found f JOIN masters m ON m.id = f.id
WHERE $7::float8 IS NULL OR (f.k, f.id) > ($7::float8, $8::uuid)
ORDER BY f.k ASC, f.id ASC
LIMIT $6::int

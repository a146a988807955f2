-- Nearby masters ordered by price. $1 lat, $2 lon, $3 radius in metres, $4 category (a parent
-- category matches its children too) or NULL, $5 minimum rating or NULL, $6 limit + 1,
-- $7/$8 the cursor (sort key, id) or NULL, $9 caller user id or NULL.
-- One pass over the masters in the radius picks the page; only the page's rows then get their
-- categories, lowest price and favourite flag. (Joining the candidates back to masters let
-- PostgreSQL pick a pair-by-pair nested loop when it underestimated ST_DWithin: seconds.)
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2::float8, $1::float8), 4326)::geography AS point),
candidates AS (
    SELECT m.id, m.display_name, m.city, m.address, m.location, m.category_ids, m.rating_sum, m.rating_count,
           coalesce((SELECT min(s.price_minor) FROM master_services s WHERE s.master_id = m.id AND s.active), 9223372036854775807)::float8 AS k, ST_Distance(m.location, p.point) AS distance_m
    FROM masters m, p
    WHERE ST_DWithin(m.location, p.point, $3::float8)
      AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM categories c
                                        WHERE c.id = ANY (m.category_ids) AND (c.id = $4::uuid OR c.parent_id = $4::uuid)))
      AND ($5::float8 IS NULL OR (m.rating_count > 0 AND m.rating_sum::float8 / m.rating_count >= $5::float8))
),
page AS MATERIALIZED (
    SELECT * FROM candidates
    WHERE $7::float8 IS NULL OR (k, id) > ($7::float8, $8::uuid)
    ORDER BY k ASC, id ASC
    LIMIT $6::int
)
SELECT f.id, f.display_name, f.city, f.address, ST_Y(f.location::geometry), ST_X(f.location::geometry),
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'parent_id', c.parent_id, 'slug', c.slug,
                                                   'name_ru', c.name_ru, 'name_en', c.name_en) ORDER BY c.position), '[]')
        FROM categories c WHERE c.id = ANY (f.category_ids)),
       CASE WHEN f.rating_count > 0 THEN round(f.rating_sum::numeric / f.rating_count, 2)::float8 END, f.rating_count,
       f.distance_m,
       (SELECT min(s.price_minor) FROM master_services s WHERE s.master_id = f.id AND s.active),
       EXISTS (SELECT 1 FROM favorite_masters fm WHERE fm.user_id = $9::uuid AND fm.master_id = f.id),
       f.k
FROM page f
ORDER BY f.k ASC, f.id ASC

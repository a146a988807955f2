-- The caller's favourite masters, newest first; the same columns as the nearby search
-- (distance unknown). $1 user, $2 limit + 1, $3/$4 cursor (added-at epoch, master id) or NULL.
SELECT m.id, m.display_name, m.city, m.address, ST_Y(m.location::geometry), ST_X(m.location::geometry),
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'parent_id', c.parent_id, 'slug', c.slug,
                                                   'name_ru', c.name_ru, 'name_en', c.name_en) ORDER BY c.position), '[]')
        FROM categories c WHERE c.id = ANY (m.category_ids)),
       CASE WHEN m.rating_count > 0 THEN round(m.rating_sum::numeric / m.rating_count, 2)::float8 END, m.rating_count,
       NULL::float8,
       (SELECT min(s.price_minor) FROM master_services s WHERE s.master_id = m.id AND s.active),
       true,
       extract(epoch FROM f.created_at)::float8
FROM favorite_masters f JOIN masters m ON m.id = f.master_id
WHERE f.user_id = $1::uuid
  AND ($3::float8 IS NULL OR (extract(epoch FROM f.created_at)::float8, m.id) < ($3::float8, $4::uuid))
ORDER BY extract(epoch FROM f.created_at)::float8 DESC, m.id DESC
LIMIT $2::int

-- $1 master id or NULL, $2 user id or NULL, $3/$4 caller lat/lon or NULL, $5 caller user id or NULL.
SELECT m.id, m.user_id, m.display_name, m.bio,
       (SELECT coalesce(json_agg(json_build_object('id', c.id, 'parent_id', c.parent_id, 'slug', c.slug,
                                                   'name_ru', c.name_ru, 'name_en', c.name_en) ORDER BY c.position), '[]')
        FROM categories c WHERE c.id = ANY (m.category_ids)) AS categories,
       m.address, m.city, ST_Y(m.location::geometry), ST_X(m.location::geometry), m.timezone,
       m.min_notice_min, m.horizon_days, m.slot_step_min, m.buffer_min, m.auto_confirm, m.max_per_day,
       CASE WHEN m.rating_count > 0 THEN round(m.rating_sum::numeric / m.rating_count, 2)::float8 END, m.rating_count,
       CASE WHEN $3::float8 IS NULL OR $4::float8 IS NULL THEN NULL
            ELSE ST_Distance(m.location, ST_SetSRID(ST_MakePoint($4::float8, $3::float8), 4326)::geography) END,
       EXISTS (SELECT 1 FROM favorite_masters f WHERE f.user_id = $5::uuid AND f.master_id = m.id),
       (SELECT u.avatar_media_id::text FROM users u WHERE u.id = m.user_id)
FROM masters m
WHERE ($1::uuid IS NOT NULL AND m.id = $1::uuid) OR ($1::uuid IS NULL AND m.user_id = $2::uuid)

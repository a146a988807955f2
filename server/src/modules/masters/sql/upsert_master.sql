-- Creates or updates the caller's profile; xmax = 0 tells a fresh insert from an update.
INSERT INTO masters (user_id, display_name, bio, category_ids, address, city, location, timezone,
                     min_notice_min, horizon_days, slot_step_min, buffer_min, auto_confirm, max_per_day)
VALUES ($1::uuid, $2, $3, $4::uuid[], $5, $6, ST_SetSRID(ST_MakePoint($8::float8, $7::float8), 4326)::geography, $9,
        $10::int, $11::int, $12::int, $13::int, $14::boolean, $15::int)
ON CONFLICT (user_id) DO UPDATE SET
    display_name = EXCLUDED.display_name, bio = EXCLUDED.bio, category_ids = EXCLUDED.category_ids,
    address = EXCLUDED.address, city = EXCLUDED.city, location = EXCLUDED.location, timezone = EXCLUDED.timezone,
    min_notice_min = EXCLUDED.min_notice_min, horizon_days = EXCLUDED.horizon_days,
    slot_step_min = EXCLUDED.slot_step_min, buffer_min = EXCLUDED.buffer_min,
    auto_confirm = EXCLUDED.auto_confirm, max_per_day = EXCLUDED.max_per_day, updated_at = now()
RETURNING id, (xmax = 0) AS created

INSERT INTO master_services (master_id, name, description, category_id, price_minor, currency, duration_min)
VALUES ($1::uuid, $2, $3, $4::uuid, $5::bigint, $6, $7::int)
RETURNING id, name, description, category_id, price_minor, currency, duration_min, active

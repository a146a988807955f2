-- Only the owner's row matches; every field has a "was it sent" flag.
UPDATE master_services SET
    name = CASE WHEN $3::boolean THEN $4 ELSE name END,
    description = CASE WHEN $5::boolean THEN $6 ELSE description END,
    category_id = CASE WHEN $7::boolean THEN $8::uuid ELSE category_id END,
    price_minor = CASE WHEN $9::boolean THEN $10::bigint ELSE price_minor END,
    duration_min = CASE WHEN $11::boolean THEN $12::int ELSE duration_min END,
    active = CASE WHEN $13::boolean THEN $14::boolean ELSE active END,
    updated_at = now()
WHERE id = $1::uuid AND master_id = $2::uuid
RETURNING id, name, description, category_id, price_minor, currency, duration_min, active

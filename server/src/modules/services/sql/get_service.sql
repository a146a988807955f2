SELECT id, name, description, category_id, price_minor, currency, duration_min, active, master_id
FROM master_services
WHERE id = $1::uuid

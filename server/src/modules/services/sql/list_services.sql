SELECT id, name, description, category_id, price_minor, currency, duration_min, active
FROM master_services
WHERE master_id = $1::uuid AND (active OR NOT $2::boolean)
ORDER BY active DESC, price_minor, name

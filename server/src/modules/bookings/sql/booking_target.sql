-- What a new booking needs to know about the service and its master.
SELECT s.id, s.name, s.price_minor, s.currency, s.duration_min, s.active,
       m.id, m.user_id, m.auto_confirm, m.buffer_min, m.timezone
FROM master_services s JOIN masters m ON m.id = s.master_id
WHERE s.id = $1::uuid

-- The category of service $1 when it is an active service of the master whose user is $2
-- (reads master_services and masters).
SELECT s.category_id
FROM master_services s JOIN masters m ON m.id = s.master_id
WHERE s.id = $1::uuid AND m.user_id = $2::uuid AND s.active

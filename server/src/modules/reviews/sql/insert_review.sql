INSERT INTO reviews (booking_id, master_id, author_id, rating, text)
VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5)
ON CONFLICT (booking_id) DO NOTHING
RETURNING id

UPDATE masters SET rating_sum = rating_sum + $2::int, rating_count = rating_count + 1 WHERE id = $1::uuid

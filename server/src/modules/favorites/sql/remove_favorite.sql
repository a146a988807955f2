DELETE FROM favorite_masters WHERE user_id = $1::uuid AND master_id = $2::uuid

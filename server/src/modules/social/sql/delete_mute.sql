DELETE FROM mutes WHERE user_id = $1::uuid AND muted_id = $2::uuid

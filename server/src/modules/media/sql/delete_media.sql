DELETE FROM media WHERE id = $1::uuid RETURNING variants::text

-- $3 caption (NULL: unchanged), $4 position
UPDATE portfolio_items SET caption = coalesce($3, caption), position = $4::int
WHERE id = $1::uuid AND master_id = $2::uuid

DELETE FROM portfolio_items WHERE id = $1::uuid AND master_id = $2::uuid

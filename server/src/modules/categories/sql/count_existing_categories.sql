SELECT count(*) FROM categories WHERE id = ANY ($1::uuid[])

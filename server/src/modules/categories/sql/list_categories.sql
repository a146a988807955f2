SELECT id, parent_id, slug, name_ru, name_en
FROM categories
ORDER BY parent_id NULLS FIRST, position, slug

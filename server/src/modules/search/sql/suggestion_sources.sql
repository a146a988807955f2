-- Everything suggestions are made from (the search service holds it in memory and reloads it
-- every few seconds): categories (found by their Russian and English names), each service name
-- once, masters who are not banned, and the indexed words of three letters or more.
SELECT 'category', c.name_ru, c.id::text, c.name_en FROM categories c
UNION ALL
SELECT 'service', min(d.title), NULL, '' FROM search_documents d WHERE d.kind = 'service' GROUP BY lower(d.title)
UNION ALL
SELECT 'master', d.title, d.id::text, ''
FROM search_documents d
WHERE d.kind = 'master' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id AND u.banned_at IS NOT NULL)
UNION ALL
SELECT 'query', w.word, NULL, '' FROM search_words w WHERE char_length(w.word) >= 3

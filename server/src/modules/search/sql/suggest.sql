-- Suggestions for what is being typed: $1 the folded text (a prefix), $2 its last word's
-- corrections (text[]), $3 how many. Categories and service names that start with it or have
-- a word that does, masters by name, then vocabulary words as queries; shortest first.
WITH typed AS (SELECT $1::text AS t, $1::text || '%' AS starts, '% ' || $1::text || '%' AS word_starts),
cats AS (
    SELECT 'category' AS kind, c.name_ru AS text, c.id::text AS id, 0 AS rank
    FROM categories c, typed
    WHERE lower(unaccent(c.name_ru)) LIKE typed.starts OR lower(unaccent(c.name_ru)) LIKE typed.word_starts
       OR lower(c.name_en) LIKE typed.starts
),
services AS (
    SELECT DISTINCT ON (lower(d.title)) 'service' AS kind, d.title AS text, NULL::text AS id, 1 AS rank
    FROM search_documents d, typed
    WHERE d.kind = 'service' AND (lower(unaccent(d.title)) LIKE typed.starts OR lower(unaccent(d.title)) LIKE typed.word_starts)
    ORDER BY lower(d.title)
    LIMIT 20
),
masters AS (
    SELECT 'master' AS kind, d.title AS text, d.id::text AS id, 2 AS rank
    FROM search_documents d, typed
    WHERE d.kind = 'master' AND (lower(unaccent(d.title)) LIKE typed.starts OR lower(unaccent(d.title)) LIKE typed.word_starts)
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id AND u.banned_at IS NOT NULL)
    LIMIT 20
),
words AS (
    SELECT 'query' AS kind, w.word AS text, NULL::text AS id, 3 AS rank
    FROM search_words w, typed
    WHERE (w.word LIKE typed.starts OR w.word = ANY ($2::text[])) AND char_length(w.word) >= 3
    LIMIT 20
)
SELECT kind, text, id FROM (SELECT * FROM cats UNION ALL SELECT * FROM services UNION ALL SELECT * FROM masters
                            UNION ALL SELECT * FROM words) s
ORDER BY rank, char_length(text), text
LIMIT $3::int

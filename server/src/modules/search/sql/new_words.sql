-- Words the vocabulary does not have yet: those after id $1, oldest first, $2 at most.
SELECT id, word FROM search_words WHERE id > $1::bigint ORDER BY id LIMIT $2::int

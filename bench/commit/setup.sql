-- 1,000 users in 500 direct chats; bench_pairs(n, chat_id, user_id) names a sender in each.
INSERT INTO users (email, password_hash, name) SELECT 'u' || i || '@bench', 'x', 'U' || i FROM generate_series(1, 1000) i;
WITH u AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE '%@bench'),
c AS (INSERT INTO chats (kind, created_by, direct_key)
      SELECT 'direct', a.id, a.id || ':' || b.id FROM u a JOIN u b ON b.n = a.n + 500 WHERE a.n <= 500
      RETURNING id, created_by, direct_key)
INSERT INTO chat_participants (chat_id, user_id)
SELECT id, created_by FROM c UNION ALL SELECT id, split_part(direct_key, ':', 2)::uuid FROM c;
CREATE TABLE bench_pairs AS
SELECT row_number() OVER () AS n, p.chat_id, p.user_id
FROM chat_participants p JOIN chats c ON c.id = p.chat_id AND c.created_by = p.user_id;

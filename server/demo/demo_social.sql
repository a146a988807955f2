-- Demo data for `make run`, after demo_data.sql and after seed-demo created the demo masters'
-- posts through the posts module (server/src/app/demo_seed.cpp): more demo clients, who follows
-- whom, friends and friend requests, likes, comments with replies, reposts, the counters they
-- make and the notifications about them, so a newcomer's first feed is alive.
-- Set-based and deterministic (numbers of clients, masters and posts pick who does what).
-- Idempotent: ON CONFLICT DO NOTHING or NOT EXISTS on every insert; a second run adds nothing.
-- Settings: demo.password_hash (the demo accounts' bcrypt hash), demo.new_posts (the ids of the
-- posts seed-demo created in this run, comma-separated; empty when none).

-- Demo data only: the posts module owns posts.created_at and never changes it. Posts created
-- just now are spread over the last ~9 days, each master's three a few days apart, so the
-- feed looks like it grew over time. Only this run's posts: a second run moves nothing.
WITH fresh AS (
    SELECT p.id, substring(u.email FROM '^master(\d+)@')::int AS m,
           row_number() OVER (PARTITION BY p.author_id ORDER BY p.created_at, p.id) - 1 AS k
    FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.id = ANY (string_to_array(current_setting('demo.new_posts'), ',')::uuid[])
      AND u.email ~ '^master\d+@demo\.service$'
)
UPDATE posts p
SET created_at = now() - make_interval(hours => (2 - least(f.k, 2)::int) * 72 + (f.m * 29) % 70 + 1,
                                       mins => (f.m * 17 + f.k::int * 23) % 60)
FROM fresh f
WHERE p.id = f.id;

-- Seventeen more demo clients (anna@, ivan@ and maria@ come from demo_data.sql): numbers 1..20
-- pick who they follow, befriend, like and comment on.
CREATE TEMP TABLE demo_client_list (n int, email text, name text) ON COMMIT DROP;
INSERT INTO demo_client_list (n, email, name) VALUES
    (1, 'anna@demo.service', 'Анна Смирнова'), (2, 'ivan@demo.service', 'Иван Петров'),
    (3, 'maria@demo.service', 'Мария Орлова'), (4, 'sofia@demo.service', 'София Кузнецова'),
    (5, 'elena@demo.service', 'Елена Васильева'), (6, 'olga@demo.service', 'Ольга Николаева'),
    (7, 'daria@demo.service', 'Дарья Морозова'), (8, 'polina@demo.service', 'Полина Соколова'),
    (9, 'kseniya@demo.service', 'Ксения Лебедева'), (10, 'alina@demo.service', 'Алина Фёдорова'),
    (11, 'viktoria@demo.service', 'Виктория Павлова'), (12, 'yulia@demo.service', 'Юлия Андреева'),
    (13, 'natalia@demo.service', 'Наталья Белова'), (14, 'ekaterina@demo.service', 'Екатерина Громова'),
    (15, 'irina@demo.service', 'Ирина Захарова'), (16, 'svetlana@demo.service', 'Светлана Жукова'),
    (17, 'alexey@demo.service', 'Алексей Ковалёв'), (18, 'dmitry@demo.service', 'Дмитрий Егоров'),
    (19, 'tatiana@demo.service', 'Татьяна Романова'), (20, 'kirill@demo.service', 'Кирилл Степанов');

-- In Moscow, each with two favourite kinds of service (the feed's interests).
INSERT INTO users (email, password_hash, name, role, city, location, interests)
SELECT l.email, current_setting('demo.password_hash'), l.name, 'client', 'Москва',
       ST_SetSRID(ST_MakePoint(37.6173 + ((l.n * 37) % 100 - 50) * 0.003,
                               55.7558 + ((l.n * 53) % 100 - 50) * 0.0016), 4326)::geography,
       ARRAY(SELECT c.id FROM categories c WHERE c.parent_id IS NULL
             AND c.slug IN ((ARRAY['nails','hair','brows-lashes','makeup','massage','cosmetology','spa','barbering','epilation'])[1 + l.n % 9],
                            (ARRAY['nails','hair','brows-lashes','makeup','massage','cosmetology','spa','barbering','epilation'])[1 + (l.n * 4 + 2) % 9])
             ORDER BY c.position)
FROM demo_client_list l
WHERE l.n > 3
ON CONFLICT (email) DO NOTHING;

-- Who is who: clients 1..20, masters 1..50, people (both) 1..70, posts 1..150 by master.
CREATE TEMP TABLE demo_clients ON COMMIT DROP AS
SELECT u.id, l.n FROM demo_client_list l JOIN users u ON u.email = l.email;
CREATE TEMP TABLE demo_masters ON COMMIT DROP AS
SELECT u.id, substring(u.email FROM '^master(\d+)@')::int AS n
FROM users u WHERE u.email ~ '^master\d+@demo\.service$' AND u.role = 'master';
CREATE TEMP TABLE demo_people ON COMMIT DROP AS
SELECT id, n, true AS client FROM demo_clients
UNION ALL
SELECT id, (SELECT count(*) FROM demo_clients)::int + n, false FROM demo_masters;
CREATE TEMP TABLE demo_posts ON COMMIT DROP AS
SELECT p.id, p.author_id, p.created_at, (row_number() OVER (ORDER BY m.n, p.created_at, p.id))::int AS n
FROM posts p JOIN demo_masters m ON m.id = p.author_id
WHERE p.deleted_at IS NULL;

-- Follows over the last month, a few in the last days. Client c follows 5..15 masters (13·m + 7·c mod 50 takes
-- every value once, so exactly that many) and c mod 4 other clients; each master follows two
-- colleagues.
INSERT INTO follows (follower_id, followee_id, created_at)
SELECT c.id, m.id, now() - make_interval(days => (c.n * 7 + m.n) % 30, hours => 1 + (c.n * 5 + m.n * 3) % 23)
FROM demo_clients c JOIN demo_masters m ON (13 * m.n + 7 * c.n) % 50 < 5 + (c.n * 7) % 11
UNION ALL
SELECT c.id, d.id, now() - make_interval(days => 12 + (c.n * 3 + j * 5) % 30, hours => (c.n + j) % 24)
FROM demo_clients c
CROSS JOIN generate_series(1, 3) j
JOIN demo_clients d ON d.n = 1 + (c.n - 1 + 3 * j + j * j) % (SELECT count(*) FROM demo_clients)
WHERE j <= c.n % 4 AND d.id <> c.id
UNION ALL
SELECT m.id, d.id, now() - make_interval(days => 20 + (m.n + j) % 20)
FROM demo_masters m
CROSS JOIN generate_series(1, 2) j
JOIN demo_masters d ON d.n = 1 + (m.n - 1 + 7 * j) % (SELECT count(*) FROM demo_masters)
WHERE d.id <> m.id
ON CONFLICT DO NOTHING;

-- Friends: client c with c + 1 (unless c is a multiple of 3) and with c + 5 (c = 1 mod 4), each
-- an accepted request and the friendship's two rows. Anna (1) is friends with Ivan and Olga.
CREATE TEMP TABLE demo_friend_pairs ON COMMIT DROP AS
SELECT a.id AS from_id, b.id AS to_id, now() - make_interval(days => 8 + (a.n * 5 + b.n) % 20) AS asked_at
FROM demo_clients a JOIN demo_clients b ON (b.n = a.n + 1 AND a.n % 3 <> 0) OR (b.n = a.n + 5 AND a.n % 4 = 1);

INSERT INTO friend_requests (from_id, to_id, status, created_at, decided_at)
SELECT f.from_id, f.to_id, 'accepted', f.asked_at, f.asked_at + interval '7 hours'
FROM demo_friend_pairs f
WHERE NOT EXISTS (SELECT 1 FROM friend_requests r
                  WHERE (r.from_id = f.from_id AND r.to_id = f.to_id) OR (r.from_id = f.to_id AND r.to_id = f.from_id));

INSERT INTO friendships (user_id, friend_id, created_at)
SELECT f.from_id, f.to_id, f.asked_at + interval '7 hours' FROM demo_friend_pairs f
UNION ALL
SELECT f.to_id, f.from_id, f.asked_at + interval '7 hours' FROM demo_friend_pairs f
ON CONFLICT DO NOTHING;

-- Two requests waiting in Anna's inbox, from Ksenia (9) and Ekaterina (14).
INSERT INTO friend_requests (from_id, to_id, status, created_at)
SELECT c.id, anna.id, 'pending', now() - make_interval(hours => 3 + c.n)
FROM demo_clients c JOIN demo_clients anna ON anna.n = 1
WHERE c.n IN (9, 14)
  AND NOT EXISTS (SELECT 1 FROM friend_requests r
                  WHERE (r.from_id = c.id AND r.to_id = anna.id) OR (r.from_id = anna.id AND r.to_id = c.id))
  AND NOT EXISTS (SELECT 1 FROM friendships f WHERE f.user_id = c.id AND f.friend_id = anna.id)
ON CONFLICT DO NOTHING;

-- Likes, between a post's publication and now. A post's popularity p³ (p spread over 0..1)
-- skews them: most posts have a few, some a few dozen. 29·person + 17·post mod 70 takes every
-- value once, so the post gets about that many (its author never likes their own).
INSERT INTO post_likes (post_id, user_id, created_at)
SELECT p.id, pe.id,
       p.created_at + (now() - p.created_at) * (((pe.n * 13 + p.n * 7) % 97 + 1) / 100.0)
FROM demo_posts p
JOIN demo_people pe
  ON (pe.n * 29 + p.n * 17) % (SELECT count(*) FROM demo_people)
     < 2 + floor(power(((p.n * 37) % 101) / 100.0, 3) * 40)
WHERE pe.id <> p.author_id
ON CONFLICT DO NOTHING;

-- Comments: 1..4 top-level ones on every post that has none yet, by clients (the third by a
-- colleague).
INSERT INTO comments (post_id, author_id, text, created_at)
SELECT p.id, pe.id,
       (ARRAY['Очень красиво!', 'Какой нежный цвет, хочу так же', 'Записалась на следующую неделю',
              'Сколько по времени занимает процедура?', 'Была у вас в прошлом месяце, всё супер!',
              'Есть свободные окошки на выходных?', 'Обожаю ваши работы', 'Аккуратно и стильно 👍',
              'Отправила подруге, она давно искала мастера', 'А можно так же, но чуть светлее?',
              'Вау, просто огонь', 'Сохранила себе, покажу на записи'])[1 + (p.n * 5 + j * 7) % 12],
       p.created_at + (now() - p.created_at) * ((j * 17 + p.n * 3) % 60 + 5) / 100.0
FROM demo_posts p
CROSS JOIN generate_series(1, 4) j
JOIN demo_people pe  -- the third: a colleague
  ON pe.n = CASE WHEN j = 3 THEN (SELECT count(*) FROM demo_clients) + 1 + (p.n * 3 + j) % (SELECT count(*) FROM demo_masters)
                 ELSE 1 + (p.n * 11 + j * 7) % (SELECT count(*) FROM demo_clients) END
WHERE j <= 1 + (p.n * 7) % 4
  AND pe.id <> p.author_id
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id);

-- Replies to the top-level comments of demo posts that have none yet: the post's author
-- thanks or answers every other comment, a client agrees with every third.
INSERT INTO comments (post_id, author_id, parent_id, text, created_at)
SELECT t.post_id, r.author_id, t.id, r.text,
       t.created_at + (now() - t.created_at) * ((t.k * 13 + t.pn) % 50 + 10) / 100.0
FROM (
    SELECT c.id, c.post_id, c.author_id, c.created_at, p.author_id AS post_author, p.n AS pn,
           (row_number() OVER (PARTITION BY c.post_id ORDER BY c.created_at, c.id))::int AS k
    FROM comments c JOIN demo_posts p ON p.id = c.post_id
    WHERE c.parent_id IS NULL
) t
CROSS JOIN LATERAL (
    SELECT t.post_author AS author_id,
           (ARRAY['Спасибо большое!', 'Спасибо! Пишите, подберём удобное время',
                  'Да, окошки есть, записывайтесь через профиль', 'Обычно около часа, всё зависит от задачи',
                  'Конечно, обсудим на консультации', 'Рада, что нравится!'])[1 + (t.pn + t.k) % 6] AS text
    WHERE t.k % 2 = 1 AND t.author_id <> t.post_author
    UNION ALL
    SELECT c.id, (ARRAY['Присоединяюсь!', 'Тоже хочу так', 'Подтверждаю, мастер супер'])[1 + t.pn % 3]
    FROM demo_clients c
    WHERE t.k % 3 = 0 AND c.n = 1 + (t.pn * 7 + t.k) % 20 AND c.id <> t.author_id
) r
WHERE NOT EXISTS (SELECT 1 FROM comments x WHERE x.parent_id = t.id);

-- A few reposts: 7·post + 13·client mod 150 is 0 for one post per client.
INSERT INTO reposts (post_id, user_id, comment, created_at)
SELECT p.id, c.id, (ARRAY['Мой мастер, рекомендую!', 'Хочу так же', NULL])[1 + c.n % 3],
       p.created_at + (now() - p.created_at) * ((c.n * 11) % 40 + 30) / 100.0
FROM demo_posts p JOIN demo_clients c ON (p.n * 7 + c.n * 13) % 150 = 0
ON CONFLICT DO NOTHING;

-- The counters from the rows, exact (the posts module keeps them so from now on).
UPDATE posts p
SET like_count = x.likes, comment_count = x.comments, repost_count = x.reposts
FROM (
    SELECT d.id,
           (SELECT count(*) FROM post_likes l WHERE l.post_id = d.id)::int AS likes,
           (SELECT count(*) FROM comments c WHERE c.post_id = d.id)::int AS comments,
           (SELECT count(*) FROM reposts r WHERE r.post_id = d.id)::int AS reposts
    FROM demo_posts d
) x
WHERE p.id = x.id AND (p.like_count, p.comment_count, p.repost_count) IS DISTINCT FROM (x.likes, x.comments, x.reposts);

UPDATE comments c
SET reply_count = x.replies
FROM (
    SELECT c.id, (SELECT count(*) FROM comments r WHERE r.parent_id = c.id)::int AS replies
    FROM comments c JOIN demo_posts p ON p.id = c.post_id
    WHERE c.parent_id IS NULL
) x
WHERE c.id = x.id AND c.reply_count <> x.replies;

-- The notifications those would have made, as the social and posts modules word them
-- (targets and dedupe keys as in their code, docs/notifications.md): every one a client gets
-- (followers, friend requests and acceptances, replies), and what masters heard in the last
-- three days (followers, likes, comments, reposts). Groupable types share a group per 12 hours.
-- Older than a day: read.
INSERT INTO notifications (id, user_id, type, actor_id, target, group_key, group_id, dedupe_key, in_app,
                           read_at, created_at)
SELECT n.id, n.user_id, n.type, n.actor_id, n.target, n.group_key,
       CASE WHEN n.group_key IS NULL THEN n.id
            ELSE first_value(n.id) OVER (PARTITION BY n.user_id, n.group_key,
                                                      floor(extract(epoch FROM n.created_at) / 43200)
                                         ORDER BY n.created_at, n.id) END,
       n.dedupe_key, true,
       CASE WHEN n.created_at < now() - interval '1 day' THEN n.created_at + interval '1 hour' END,
       n.created_at
FROM (
    SELECT gen_random_uuid() AS id, e.*
    FROM (
        SELECT f.followee_id AS user_id, 'new_follower' AS type, f.follower_id AS actor_id,
               jsonb_build_object('type', 'user', 'id', f.followee_id, 'user_id', f.followee_id) AS target,
               'new_follower:' || f.followee_id AS group_key,
               'new_follower:' || f.follower_id || ':' || f.followee_id AS dedupe_key, f.created_at
        FROM follows f
        WHERE f.follower_id IN (SELECT id FROM demo_people)
          AND (f.followee_id IN (SELECT id FROM demo_clients) OR f.created_at > now() - interval '3 days')
        UNION ALL
        SELECT r.to_id, 'friend_request', r.from_id,
               jsonb_build_object('type', 'friend_request', 'id', r.id, 'from_user_id', r.from_id),
               NULL, 'friend_request:' || r.id, r.created_at
        FROM friend_requests r JOIN demo_clients c ON c.id = r.to_id
        UNION ALL
        SELECT r.from_id, 'friend_accepted', r.to_id,
               jsonb_build_object('type', 'friend_request', 'id', r.id, 'user_id', r.to_id),
               NULL, 'friend_accepted:' || r.id, r.decided_at
        FROM friend_requests r JOIN demo_clients c ON c.id = r.from_id
        WHERE r.status = 'accepted'
        UNION ALL
        SELECT p.author_id, 'post_liked', l.user_id,
               jsonb_build_object('type', 'post', 'id', p.id, 'post_id', p.id),
               'post_liked:' || p.id, 'post_liked:' || p.id || ':' || l.user_id, l.created_at
        FROM post_likes l JOIN demo_posts p ON p.id = l.post_id
        WHERE l.created_at > now() - interval '3 days' AND l.user_id <> p.author_id
        UNION ALL
        SELECT p.author_id, 'post_commented', c.author_id,
               jsonb_build_object('type', 'post', 'id', p.id, 'post_id', p.id, 'comment_id', c.id,
                                  'text', left(c.text, 200)),
               NULL, 'post_commented:' || c.id, c.created_at
        FROM comments c JOIN demo_posts p ON p.id = c.post_id
        LEFT JOIN comments parent ON parent.id = c.parent_id
        WHERE c.created_at > now() - interval '3 days' AND c.author_id <> p.author_id
          AND (parent.id IS NULL OR parent.author_id <> p.author_id)
        UNION ALL
        SELECT parent.author_id, 'comment_replied', c.author_id,
               jsonb_build_object('type', 'comment', 'id', c.id, 'post_id', c.post_id, 'text', left(c.text, 200)),
               NULL, 'comment_replied:' || c.id, c.created_at
        FROM comments c JOIN demo_posts p ON p.id = c.post_id
        JOIN comments parent ON parent.id = c.parent_id
        WHERE parent.author_id <> c.author_id
          AND (parent.author_id IN (SELECT id FROM demo_clients) OR c.created_at > now() - interval '3 days')
        UNION ALL
        SELECT p.author_id, 'post_reposted', r.user_id,
               jsonb_build_object('type', 'post', 'id', p.id, 'post_id', p.id),
               'post_reposted:' || p.id, 'post_reposted:' || p.id || ':' || r.user_id, r.created_at
        FROM reposts r JOIN demo_posts p ON p.id = r.post_id
        WHERE r.created_at > now() - interval '3 days' AND r.user_id <> p.author_id
    ) e
    WHERE NOT EXISTS (SELECT 1 FROM notifications x WHERE x.user_id = e.user_id AND x.dedupe_key = e.dedupe_key)
) n
ON CONFLICT DO NOTHING;

-- Feed benchmark data (bench/feed-bench): users, masters, posts with photos, likes, comments,
-- reposts, follows, friendships, a few blocks and mutes, and the ready photos the post-creation
-- scenario publishes. Run on a freshly migrated throw-away database:
--
--   psql -X -v ON_ERROR_STOP=1 -v users=100000 -v masters=10000 -v posts=1000000 \
--        -v likes=5000000 -v comments=1000000 -v reposts=50000 -v follows=50 -v friends=6 \
--        -v post_days=365 -v posters=100 -v post_media=60000 -v seed=0.42 \
--        -v center_lat=55.7558 -v center_lon=37.6173 -v box_km=30 -f setup.sql
--
-- Set-based throughout: generate_series and one INSERT ... SELECT per table, no per-row round
-- trips. Counters on posts (like_count, comment_count, repost_count) and comments.reply_count
-- are decided first and the rows are generated to match them, so they are consistent by
-- construction (feed-bench checks it afterwards). Every bench account has an @bench.invalid
-- address and an unusable password hash; the benchmark mints its access tokens itself.
--
-- Shape of the data (all random but reproducible with :seed):
--   users      :users in all, the first :masters of them masters (role master, a masters row in
--              a :box_km x :box_km box around the centre, a parent category and one of its
--              sub-categories, two services). Of the clients 70 % have a profile location in the
--              same box (the feed's point when a request has no lat/lon), the rest only the city
--              (the feed then uses the centre of Moscow); half have one or two interests.
--   posts      by masters, uniform over the last :post_days days, at the author's location (as
--              the posts module records it), the sub-category, a linked service in 30 %;
--              1 % soft-deleted, 0.1 % hidden. Each post has ONE photo of its own: post_media.media_id
--              is UNIQUE (a photo belongs to one post), so a shared set of photos is not possible;
--              the media rows are ready 'post' photos with variants and a placeholder, no files.
--   likes      :likes in all over the posts, heavy-tailed per post ((-ln u)^2 weights), by distinct
--              users per post (a stride through the users by a prime larger than :users).
--   comments   :comments, per post weighted like the likes, 30 % of them replies to the latest
--              top-level comment before them (one level, as the module keeps it).
--   reposts    :reposts, distinct users per post, 30 % with a comment.
--   follows    on average :follows per user (0.2x to 1.8x), 80 % of them masters (mildly skewed
--              towards popular ones: index = masters * u^1.5), 20 % any user; duplicates dropped.
--   friendships about :friends per user on average (users * friends / 2 pairs, both rows).
--   blocks     users / 100 pairs; mutes users / 50 pairs.
--   post_media :post_media ready, unattached 'post' photos of :posters masters, for the
--              POST /api/v1/posts scenario (one per request).
--
-- Prints lines "STEP <name> <epoch seconds>" after each step (the driver times them).

\set ON_ERROR_STOP on
SELECT setseed(:seed) \gset
SELECT :users < 1000003 AS users_ok \gset
\if :users_ok
\else
    DO $$ BEGIN RAISE EXCEPTION 'setup.sql: at most 1,000,002 users (the like/repost strides are primes above that)'; END $$;
\endif

SELECT 'STEP start ' || extract(epoch FROM clock_timestamp());

BEGIN;

-- ---------------------------------------------------------------------------------------
-- Users and masters

CREATE TEMP TABLE fb_parents AS
SELECT (row_number() OVER (ORDER BY position, id) - 1)::int AS idx, id,
       ARRAY(SELECT c.id FROM categories c WHERE c.parent_id = p.id ORDER BY c.position, c.id) AS children
FROM categories p WHERE parent_id IS NULL;
SELECT count(*) AS n_parents FROM fb_parents \gset

CREATE TEMP TABLE fb_users AS
SELECT i AS idx, gen_random_uuid() AS id, i < :masters AS is_master,
       CASE WHEN i < :masters THEN gen_random_uuid() END AS master_id,
       :center_lat + (random() - 0.5) * :box_km / 111.2 AS lat,
       :center_lon + (random() - 0.5) * :box_km / (111.32 * cos(radians(:center_lat))) AS lon,
       random() AS r_loc, random() AS r_int, floor(random() * :n_parents)::int AS parent_idx, random() AS r_child,
       random() AS r_int2
FROM generate_series(0, :users - 1) i;
CREATE UNIQUE INDEX ON fb_users (idx);

-- A master's parent category and one of its sub-categories.
CREATE TEMP TABLE fb_masters AS
SELECT u.idx, u.id AS user_id, u.master_id, u.lat, u.lon, p.id AS parent_id,
       p.children[1 + floor(u.r_child * cardinality(p.children))::int] AS child_id
FROM fb_users u JOIN fb_parents p ON p.idx = u.parent_idx
WHERE u.is_master;
CREATE UNIQUE INDEX ON fb_masters (idx);

INSERT INTO users (id, email, password_hash, name, role, city, location, interests, created_at, updated_at)
SELECT u.id,
       format('feed-%s-%s@bench.invalid', CASE WHEN u.is_master THEN 'master' ELSE 'user' END, u.idx),
       '!bench-no-login',
       (ARRAY['Ольга','Анна','Мария','Екатерина','Ирина','Светлана','Наталья','Юлия','Алексей','Дмитрий','Марина','Сергей'])[1 + u.idx % 12]
           || ' ' || (ARRAY['Иванова','Смирнова','Кузнецова','Попова','Соколова','Лебедева','Козлова','Новикова'])[1 + (u.idx / 12) % 8],
       CASE WHEN u.is_master THEN 'master' ELSE 'client' END,
       'Москва',
       CASE WHEN u.is_master OR u.r_loc < 0.7 THEN ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)::geography END,
       CASE WHEN u.r_int < 0.25 THEN ARRAY[p.id]
            WHEN u.r_int < 0.5 THEN ARRAY[p.id, (SELECT q.id FROM fb_parents q WHERE q.idx = (u.parent_idx + 1) % :n_parents)]
            ELSE '{}' END,
       now() - interval '400 days' + u.r_int2 * interval '30 days',
       now() - interval '400 days' + u.r_int2 * interval '30 days'
FROM fb_users u JOIN fb_parents p ON p.idx = u.parent_idx
ORDER BY u.idx;

INSERT INTO masters (id, user_id, display_name, bio, category_ids, address, city, location, timezone, created_at, updated_at)
SELECT m.master_id, m.user_id, format('Мастер %s', m.idx),
       'Стерильные инструменты, материалы премиум-класса, уютная студия. Записывайтесь!',
       ARRAY[m.parent_id, m.child_id],
       format('ул. %s, %s', (ARRAY['Тверская','Арбат','Покровка','Мясницкая','Пятницкая','Сретенка','Профсоюзная'])[1 + m.idx % 7],
              1 + m.idx % 80),
       'Москва', ST_SetSRID(ST_MakePoint(m.lon, m.lat), 4326)::geography, 'Europe/Moscow',
       now() - interval '400 days', now() - interval '400 days'
FROM fb_masters m ORDER BY m.idx;

-- Two services each, in the master's sub-category.
CREATE TEMP TABLE fb_services AS
SELECT m.idx AS master_idx, k, gen_random_uuid() AS id, m.master_id, m.child_id
FROM fb_masters m, generate_series(1, 2) k;
CREATE UNIQUE INDEX ON fb_services (master_idx, k);
INSERT INTO master_services (id, master_id, name, description, category_id, price_minor, duration_min)
SELECT s.id, s.master_id, (ARRAY['Стандарт', 'Премиум'])[s.k] || ' ' || s.master_idx, 'Консультация включена.',
       s.child_id, (1500 + (s.master_idx % 30) * 100) * s.k * 100, 60 * s.k
FROM fb_services s ORDER BY s.master_idx, s.k;

SELECT 'STEP users ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- Posts, with every counter decided here

CREATE TEMP TABLE fb_posts AS
SELECT k AS idx, gen_random_uuid() AS id, gen_random_uuid() AS media_id,
       floor(random() * :masters)::int AS author_idx,
       now() - random() * make_interval(days => :post_days) AS created_at,
       power(-ln(1 - random()), 2) AS w_like,
       random() AS r_comment, random() AS r_repost, random() AS r_text, random() AS r_service,
       random() AS r_state, floor(random() * :users)::int AS like_start, floor(random() * :users)::int AS repost_start
FROM generate_series(0, :posts - 1) k;

-- n per post = floor(N * cum_k / total) - floor(N * cum_(k-1) / total): sums to N exactly.
CREATE TEMP TABLE fb_post_counts AS
SELECT idx,
       floor(:likes * cl / tl)::int - floor(:likes * (cl - wl) / tl)::int AS n_likes,
       floor(:comments * cc / tc)::int - floor(:comments * (cc - wc) / tc)::int AS n_comments,
       floor(:reposts * cr / tr)::int - floor(:reposts * (cr - wr) / tr)::int AS n_reposts
FROM (
    SELECT idx, wl, wc, wr,
           sum(wl) OVER w AS cl, sum(wc) OVER w AS cc, sum(wr) OVER w AS cr,
           sum(wl) OVER () AS tl, sum(wc) OVER () AS tc, sum(wr) OVER () AS tr
    FROM (SELECT idx, w_like AS wl, w_like * (0.25 + 1.5 * r_comment) AS wc, w_like * r_repost * r_repost AS wr
          FROM fb_posts) w0
    WINDOW w AS (ORDER BY idx ROWS UNBOUNDED PRECEDING)
) c;
CREATE UNIQUE INDEX ON fb_post_counts (idx);

ALTER TABLE fb_posts ADD COLUMN n_likes int, ADD COLUMN n_comments int, ADD COLUMN n_reposts int;
UPDATE fb_posts p SET n_likes = least(c.n_likes, :users - 1), n_comments = c.n_comments,
                      n_reposts = least(c.n_reposts, :users - 1)
FROM fb_post_counts c WHERE c.idx = p.idx;
DROP TABLE fb_post_counts;
CREATE UNIQUE INDEX ON fb_posts (idx);

-- The photo of each post (ready, attached), then the post, then the link.
INSERT INTO media (id, owner_id, purpose, status, declared_type, max_bytes, received_bytes, detected_type,
                   width, height, placeholder, variants, upload_expires_at, uploaded_at, attached_at, created_at, ready_at)
SELECT p.media_id, m.user_id, 'post', 'ready', 'image/jpeg', 2500000, 1800000, 'image/jpeg', 1024, 1280,
       (ARRAY['LKO2?U%2Tw=w]~RBVZRi};RPxuwH', 'L6PZfSi_.AyE_3t7t7R**0o#DgR4', 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
              'LGF5?xYk^6#M@-5c,1J5@[or[Q6.', 'L9AB*A%LPqys8_H=yDR5nMMeVXR5'])[1 + p.idx % 5],
       '{"thumb": {"width": 160, "height": 160}, "medium": {"width": 512, "height": 640}, "large": {"width": 1024, "height": 1280}}',
       p.created_at, p.created_at, p.created_at, p.created_at - interval '2 minutes', p.created_at
FROM fb_posts p JOIN fb_masters m ON m.idx = p.author_idx
ORDER BY p.created_at;

INSERT INTO posts (id, author_id, text, category_id, service_id, location, like_count, comment_count, repost_count,
                   created_at, edited_at, deleted_at, hidden_at)
SELECT p.id, m.user_id,
       left((ARRAY['Новый образ для клиентки: нежный нюд и идеальная форма. ',
                   'Сегодня в студии: окрашивание в технике airtouch, плавный переход без полос. ',
                   'Свадебный макияж — стойкий, лёгкий, фотогеничный. ',
                   'Маникюр с укреплением гелем, покрытие держится до четырёх недель. ',
                   'Стрижка и укладка, которые легко повторить дома. '])[1 + p.idx % 5]
            || repeat('Записывайтесь, есть свободные окна на этой неделе! ', (p.r_text * 4)::int),
            (40 + p.r_text * 260)::int),
       m.child_id,
       CASE WHEN p.r_service < 0.3 THEN s.id END,
       ST_SetSRID(ST_MakePoint(m.lon, m.lat), 4326)::geography,
       p.n_likes, p.n_comments, p.n_reposts,
       p.created_at,
       CASE WHEN p.r_text < 0.05 THEN p.created_at + interval '1 hour' END,
       CASE WHEN p.r_state < 0.01 THEN p.created_at + interval '2 hours' END,
       CASE WHEN p.r_state >= 0.01 AND p.r_state < 0.011 THEN p.created_at + interval '3 hours' END
FROM fb_posts p
JOIN fb_masters m ON m.idx = p.author_idx
JOIN fb_services s ON s.master_idx = p.author_idx AND s.k = 1 + p.idx % 2
ORDER BY p.created_at;

INSERT INTO post_media (post_id, media_id, position)
SELECT id, media_id, 0 FROM fb_posts ORDER BY id;

SELECT 'STEP posts ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- Likes: user (start + j * prime) mod users for j < n, distinct because the prime is coprime
-- with the number of users.

INSERT INTO post_likes (post_id, user_id, created_at)
SELECT l.post_id, u.id, l.created_at
FROM (SELECT p.id AS post_id,
             ((p.like_start::bigint + j::bigint * (ARRAY[1000003, 1000033, 1000037, 1000039, 1000081, 1000099, 1000117, 1000121])[1 + p.idx % 8])
              % :users)::int AS uidx,
             p.created_at + (now() - p.created_at) * random() AS created_at
      FROM fb_posts p, generate_series(0, p.n_likes - 1) j) l
JOIN fb_users u ON u.idx = l.uidx
ORDER BY l.post_id, u.id;

SELECT 'STEP likes ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- Comments: j-th comment of a post at increasing times; a reply's parent is the latest
-- top-level comment before it.

CREATE TEMP TABLE fb_comments AS
SELECT c.*, max(CASE WHEN NOT c.is_reply THEN c.j END) OVER (PARTITION BY c.post_idx ORDER BY c.j) AS parent_j
FROM (SELECT p.idx AS post_idx, p.id AS post_id, j, gen_random_uuid() AS id, (j > 0 AND random() < 0.3) AS is_reply,
             floor(random() * :users)::int AS author_idx,
             p.created_at + (now() - p.created_at) * ((j + random()) / (p.n_comments + 1)) AS created_at,
             random() AS r_text
      FROM fb_posts p, generate_series(0, p.n_comments - 1) j) c;
CREATE INDEX ON fb_comments (post_idx, j);

INSERT INTO comments (id, post_id, author_id, parent_id, text, reply_count, created_at)
SELECT c.id, c.post_id, u.id, NULL,
       (ARRAY['Очень красиво!', 'Какая прелесть 😍', 'Сколько стоит такое?', 'Хочу так же, есть окошко на субботу?',
              'Аккуратная работа, спасибо!', 'А какой это оттенок?'])[1 + floor(c.r_text * 6)::int],
       coalesce(r.n, 0), c.created_at
FROM fb_comments c
JOIN fb_users u ON u.idx = c.author_idx
LEFT JOIN (SELECT post_idx, parent_j, count(*)::int AS n FROM fb_comments WHERE is_reply GROUP BY 1, 2) r
       ON r.post_idx = c.post_idx AND r.parent_j = c.j
WHERE NOT c.is_reply
ORDER BY c.created_at;

INSERT INTO comments (id, post_id, author_id, parent_id, text, created_at)
SELECT c.id, c.post_id, u.id, parent.id,
       (ARRAY['Согласна!', 'Спасибо 🙏', 'Да, записывайтесь в директ', 'Оттенок «пыльная роза»'])[1 + floor(c.r_text * 4)::int],
       c.created_at
FROM fb_comments c
JOIN fb_users u ON u.idx = c.author_idx
JOIN fb_comments parent ON parent.post_idx = c.post_idx AND parent.j = c.parent_j
WHERE c.is_reply
ORDER BY c.created_at;
DROP TABLE fb_comments;

SELECT 'STEP comments ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- Reposts: distinct users per post, the same stride trick with other primes.

INSERT INTO reposts (post_id, user_id, comment, created_at)
SELECT r.post_id, u.id, CASE WHEN r.r_comment < 0.3 THEN 'Смотрите, какая красота' END, r.created_at
FROM (SELECT p.id AS post_id,
             ((p.repost_start::bigint + j::bigint * (ARRAY[1000133, 1000151, 1000159, 1000171])[1 + p.idx % 4]) % :users)::int AS uidx,
             p.created_at + (now() - p.created_at) * random() AS created_at, random() AS r_comment
      FROM fb_posts p, generate_series(0, p.n_reposts - 1) j) r
JOIN fb_users u ON u.idx = r.uidx
ORDER BY r.created_at;

SELECT 'STEP reposts ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- The social graph

CREATE TEMP TABLE fb_follows AS
SELECT f.fidx, CASE WHEN f.r_kind < 0.8 THEN least(:masters - 1, floor(:masters * power(f.r_target, 1.5))::int)
                    ELSE floor(:users * f.r_target)::int END AS tidx,
       now() - f.r_age * interval '365 days' AS created_at
FROM (SELECT u.idx AS fidx, random() AS r_kind, random() AS r_target, random() AS r_age
      FROM fb_users u, generate_series(1, greatest(1, floor(:follows * (0.2 + 1.6 * u.r_int2))::int))) f;

INSERT INTO follows (follower_id, followee_id, created_at)
SELECT a.id, b.id, f.created_at
FROM fb_follows f JOIN fb_users a ON a.idx = f.fidx JOIN fb_users b ON b.idx = f.tidx
WHERE f.fidx <> f.tidx
ORDER BY a.id, b.id
ON CONFLICT DO NOTHING;
DROP TABLE fb_follows;

SELECT 'STEP follows ' || extract(epoch FROM clock_timestamp());

CREATE TEMP TABLE fb_pairs AS
SELECT least(a, b) AS a, greatest(a, b) AS b, min(created_at) AS created_at
FROM (SELECT floor(random() * :users)::int AS a, floor(random() * :users)::int AS b,
             now() - random() * interval '365 days' AS created_at
      FROM generate_series(1, (:users::bigint * :friends / 2)::bigint)) x
WHERE a <> b
GROUP BY 1, 2;

INSERT INTO friendships (user_id, friend_id, created_at)
SELECT ua.id, ub.id, p.created_at FROM fb_pairs p JOIN fb_users ua ON ua.idx = p.a JOIN fb_users ub ON ub.idx = p.b
UNION ALL
SELECT ub.id, ua.id, p.created_at FROM fb_pairs p JOIN fb_users ua ON ua.idx = p.a JOIN fb_users ub ON ub.idx = p.b;
-- The request each friendship came from (history, as the social module keeps it).
INSERT INTO friend_requests (from_id, to_id, status, created_at, decided_at)
SELECT ua.id, ub.id, 'accepted', p.created_at - interval '1 day', p.created_at
FROM fb_pairs p JOIN fb_users ua ON ua.idx = p.a JOIN fb_users ub ON ub.idx = p.b;
DROP TABLE fb_pairs;

INSERT INTO blocked_users (blocker_id, blocked_id)
SELECT a.id, b.id
FROM (SELECT floor(random() * :users)::int AS a, floor(random() * :users)::int AS b
      FROM generate_series(1, greatest(1, :users / 100))) x
JOIN fb_users a ON a.idx = x.a JOIN fb_users b ON b.idx = x.b
WHERE x.a <> x.b
ON CONFLICT DO NOTHING;

INSERT INTO mutes (user_id, muted_id)
SELECT a.id, b.id
FROM (SELECT floor(random() * :users)::int AS a, floor(random() * :masters)::int AS b
      FROM generate_series(1, greatest(1, :users / 50))) x
JOIN fb_users a ON a.idx = x.a JOIN fb_users b ON b.idx = x.b
WHERE x.a <> x.b
ON CONFLICT DO NOTHING;

SELECT 'STEP social ' || extract(epoch FROM clock_timestamp());

-- ---------------------------------------------------------------------------------------
-- Ready, unattached photos for the post-creation scenario: :post_media of them, spread over
-- :posters masters (the first masters in a shuffled order).

CREATE TEMP TABLE fb_posters AS
SELECT m.idx, m.user_id, row_number() OVER (ORDER BY md5(m.user_id::text)) - 1 AS n
FROM fb_masters m ORDER BY md5(m.user_id::text) LIMIT :posters;

INSERT INTO media (owner_id, purpose, status, declared_type, max_bytes, received_bytes, detected_type,
                   width, height, placeholder, variants, upload_expires_at, uploaded_at, created_at, ready_at)
SELECT b.user_id, 'post', 'ready', 'image/jpeg', 2500000, 1800000, 'image/jpeg', 1024, 1280,
       'LKO2?U%2Tw=w]~RBVZRi};RPxuwH',
       '{"thumb": {"width": 160, "height": 160}, "medium": {"width": 512, "height": 640}, "large": {"width": 1024, "height": 1280}}',
       now() + interval '1 day', now(), now(), now()
FROM generate_series(0, :post_media - 1) i
JOIN fb_posters b ON b.n = i % :posters;

SELECT 'STEP post_media ' || extract(epoch FROM clock_timestamp());

COMMIT;

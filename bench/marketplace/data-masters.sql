-- Marketplace benchmark data, part 1: clients, masters, services, weekly hours, days off.
-- Run by bench/marketplace-bench (and bench/discovery-bench) on a freshly migrated throw-away database:
--
--   psql -X -v ON_ERROR_STOP=1 -v masters=10000 -v clients=1000 -v services=3 -v seed=0.42 \
--        -v center_lat=55.7558 -v center_lon=37.6173 -v box_km=30 -f data-masters.sql
--
-- Set-based (generate_series, one INSERT ... SELECT per table), so no per-row round trips.
-- Every bench account has an e-mail address under @bench.invalid and an unusable password
-- hash: nobody signs in with them, the benchmark only reads public endpoints.

\set ON_ERROR_STOP on
SELECT setseed(:seed) \gset

BEGIN;

-- Clients: only referenced by bookings.
INSERT INTO users (email, password_hash, name, role, city)
SELECT format('bench-client-%s@bench.invalid', i), '!bench-no-login', format('Клиент %s', i), 'client', 'Москва'
FROM generate_series(1, :clients) i;

-- One row per master with everything random decided once. The box is box_km x box_km
-- around the centre: 1 degree of latitude is ~111.2 km, 1 degree of longitude is
-- 111.3 km * cos(latitude).
CREATE TEMP TABLE bench_m ON COMMIT DROP AS
SELECT n,
       gen_random_uuid() AS user_id,
       gen_random_uuid() AS master_id,
       (SELECT array_agg(id ORDER BY position) FROM categories WHERE parent_id IS NULL) AS parents,
       random() AS r_parent,
       :center_lat + (random() - 0.5) * :box_km / 111.2 AS lat,
       :center_lon + (random() - 0.5) * :box_km / (111.32 * cos(radians(:center_lat))) AS lon,
       floor(random() * 150)::int AS rating_count,
       3.5 + random() * 1.5 AS rating_avg,
       random() AS r_rules,
       random() AS r_price
FROM generate_series(1, :masters) n;

ALTER TABLE bench_m ADD COLUMN parent_id uuid, ADD COLUMN children uuid[];
UPDATE bench_m SET parent_id = parents[1 + floor(r_parent * cardinality(parents))::int];
-- One to three sub-categories of the parent, in random order (the subquery refers to the
-- row, so it runs once per master).
UPDATE bench_m b SET children = ARRAY(
    SELECT c.id FROM categories c WHERE c.parent_id = b.parent_id
    ORDER BY random() LIMIT 1 + (b.n % 3));

INSERT INTO users (id, email, password_hash, name, role, city)
SELECT user_id, format('bench-master-%s@bench.invalid', n), '!bench-no-login',
       (ARRAY['Ольга','Анна','Мария','Екатерина','Ирина','Светлана','Наталья','Юлия','Алексей','Дмитрий'])[1 + n % 10]
           || ' ' || (ARRAY['Иванова','Смирнова','Кузнецова','Попова','Соколова','Лебедева','Козлова'])[1 + n % 7],
       'master', 'Москва'
FROM bench_m;

INSERT INTO masters (id, user_id, display_name, bio, category_ids, address, city, location, timezone,
                     min_notice_min, horizon_days, slot_step_min, buffer_min, auto_confirm, max_per_day,
                     rating_sum, rating_count)
SELECT master_id, user_id,
       format('Мастер %s', n),
       'Стерильные инструменты, материалы премиум-класса, уютная студия. Записывайтесь!',
       ARRAY[parent_id] || children,
       format('ул. %s, %s', (ARRAY['Тверская','Арбат','Покровка','Мясницкая','Пятницкая','Сретенка','Профсоюзная'])[1 + n % 7],
              1 + n % 80),
       'Москва',
       ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
       'Europe/Moscow',
       120, 60, 15,
       0,                                       -- no buffer: the generated visits sit back to back
       r_rules < 0.5,
       CASE WHEN r_rules > 0.9 THEN 8 END,      -- one master in ten caps the visits per day
       round(rating_count * rating_avg)::int, rating_count
FROM bench_m;

-- :services services each, named as masters name them (so that the search has real words to
-- find), in the master's parent category: the first three 30, 60 and 90 minutes (the bookings
-- of data-bookings.sql use the 30- and 60-minute one: each master has exactly one of each),
-- the others 45 to 180 minutes but never 30 or 60.
CREATE TEMP TABLE bench_names ON COMMIT DROP AS
SELECT p.id AS parent_id, array_agg(n.name ORDER BY n.i) AS names
FROM (VALUES
    ('nails', 1, 'Маникюр с покрытием гель-лак'), ('nails', 2, 'Маникюр без покрытия'), ('nails', 3, 'Мужской маникюр'),
    ('nails', 4, 'Педикюр с покрытием'), ('nails', 5, 'Наращивание ногтей'), ('nails', 6, 'Дизайн ногтей: френч'),
    ('nails', 7, 'Укрепление ногтей гелем'), ('nails', 8, 'Аппаратный педикюр'),
    ('hair', 1, 'Женская стрижка'), ('hair', 2, 'Мужская стрижка'), ('hair', 3, 'Детская стрижка'),
    ('hair', 4, 'Окрашивание в один тон'), ('hair', 5, 'Балаяж'), ('hair', 6, 'Укладка и локоны'),
    ('hair', 7, 'Кератиновое выпрямление'), ('hair', 8, 'Стрижка горячими ножницами'),
    ('brows-lashes', 1, 'Коррекция бровей'), ('brows-lashes', 2, 'Окрашивание бровей хной'),
    ('brows-lashes', 3, 'Ламинирование бровей'), ('brows-lashes', 4, 'Наращивание ресниц: классика'),
    ('brows-lashes', 5, 'Наращивание ресниц 2D'), ('brows-lashes', 6, 'Ламинирование ресниц'),
    ('brows-lashes', 7, 'Окрашивание ресниц'), ('brows-lashes', 8, 'Снятие наращенных ресниц'),
    ('makeup', 1, 'Дневной макияж'), ('makeup', 2, 'Вечерний макияж'), ('makeup', 3, 'Свадебный макияж'),
    ('makeup', 4, 'Перманентный макияж губ'), ('makeup', 5, 'Перманентный макияж бровей'),
    ('makeup', 6, 'Межресничка'), ('makeup', 7, 'Макияж для фотосессии'), ('makeup', 8, 'Урок макияжа для себя'),
    ('massage', 1, 'Классический массаж спины'), ('massage', 2, 'Общий массаж тела'), ('massage', 3, 'Спортивный массаж'),
    ('massage', 4, 'Лимфодренажный массаж'), ('massage', 5, 'Антицеллюлитный массаж'), ('massage', 6, 'Массаж лица'),
    ('massage', 7, 'Массаж шейно-воротниковой зоны'), ('massage', 8, 'Тайский массаж'),
    ('cosmetology', 1, 'Комбинированная чистка лица'), ('cosmetology', 2, 'Ультразвуковая чистка лица'),
    ('cosmetology', 3, 'Химический пилинг'), ('cosmetology', 4, 'Биоревитализация'),
    ('cosmetology', 5, 'Уходовая процедура для лица'), ('cosmetology', 6, 'Контурная пластика губ'),
    ('cosmetology', 7, 'Мезотерапия лица'), ('cosmetology', 8, 'Карбокситерапия'),
    ('spa', 1, 'Шоколадное обёртывание'), ('spa', 2, 'Водорослевое обёртывание'), ('spa', 3, 'СПА-ритуал для двоих'),
    ('spa', 4, 'Хаммам с пенным массажем'), ('spa', 5, 'Скраб для тела'), ('spa', 6, 'Стоун-терапия'),
    ('barbering', 1, 'Мужская стрижка машинкой'), ('barbering', 2, 'Стрижка бороды'), ('barbering', 3, 'Стрижка и борода'),
    ('barbering', 4, 'Королевское бритьё'), ('barbering', 5, 'Камуфляж седины'), ('barbering', 6, 'Детская стрижка'),
    ('epilation', 1, 'Шугаринг ног полностью'), ('epilation', 2, 'Шугаринг глубокое бикини'),
    ('epilation', 3, 'Восковая депиляция подмышек'), ('epilation', 4, 'Лазерная эпиляция подмышек'),
    ('epilation', 5, 'Лазерная эпиляция ног'), ('epilation', 6, 'Восковая депиляция ног'),
    ('tattoo-piercing', 1, 'Татуировка мини'), ('tattoo-piercing', 2, 'Татуировка: эскиз и сеанс'),
    ('tattoo-piercing', 3, 'Пирсинг уха'), ('tattoo-piercing', 4, 'Пирсинг носа'),
    ('tattoo-piercing', 5, 'Удаление тату лазером'), ('tattoo-piercing', 6, 'Коррекция татуировки')
) AS n (slug, i, name)
JOIN categories p ON p.slug = n.slug AND p.parent_id IS NULL
GROUP BY p.id;

INSERT INTO master_services (master_id, name, description, category_id, price_minor, duration_min)
SELECT b.master_id,
       coalesce(nm.names[1 + (b.n + k - 1) % cardinality(nm.names)], 'Услуга') ||
           CASE WHEN k > cardinality(nm.names) THEN ' ' || k ELSE '' END,
       'Консультация включена.',
       b.children[1 + (k - 1) % cardinality(b.children)],
       ((800 + floor(b.r_price * 30) * 100) * (ARRAY[0.6, 1.0, 1.5, 0.8, 1.2, 2.0, 2.5, 3.0, 1.8, 2.2])[1 + (k - 1) % 10])::bigint * 100,
       (ARRAY[30, 60, 90, 45, 75, 120, 150, 180, 105, 135])[1 + (k - 1) % 10]
FROM bench_m b LEFT JOIN bench_names nm ON nm.parent_id = b.parent_id, generate_series(1, :services) k;

-- Monday to Saturday 10:00-14:00 and 15:00-20:00 (lunch 14:00-15:00).
INSERT INTO master_schedule (master_id, weekday, start_time, end_time)
SELECT b.master_id, wd, t.s, t.e
FROM bench_m b, generate_series(1, 6) wd,
     (VALUES (time '10:00', time '14:00'), (time '15:00', time '20:00')) AS t (s, e);

-- One day off and one short day (12:00-16:00) per master somewhere in the next 60 days.
INSERT INTO schedule_exceptions (master_id, day, intervals)
SELECT b.master_id, d.day, d.intervals
FROM bench_m b,
     LATERAL (SELECT (now() AT TIME ZONE 'Europe/Moscow')::date + 1 + (b.n * 7) % 30 AS day, '[]'::jsonb AS intervals
              UNION ALL
              SELECT (now() AT TIME ZONE 'Europe/Moscow')::date + 31 + (b.n * 11) % 29,
                     '[{"start": "12:00", "end": "16:00"}]'::jsonb) d;

COMMIT;

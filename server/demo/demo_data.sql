-- Demo data for `make run`: ~50 masters around Moscow with services, weekly hours, past
-- visits with reviews and upcoming bookings, and three demo clients. Idempotent: does nothing
-- when the demo masters exist. The password hash comes from current_setting('demo.password_hash').
DO $demo$
DECLARE
    pw text := current_setting('demo.password_hash');
    first_names text[] := ARRAY['Ольга','Анна','Мария','Екатерина','Ирина','Светлана','Наталья','Юлия','Татьяна','Алина',
                                'Дарья','Полина','Виктория','Ксения','Елена','Алексей','Дмитрий','Сергей','Артём','Максим'];
    last_names text[] := ARRAY['Иванова','Смирнова','Кузнецова','Попова','Соколова','Лебедева','Козлова','Новикова',
                               'Морозова','Петрова','Волкова','Соловьёва','Васильева','Зайцева','Павлова','Семёнов',
                               'Голубев','Виноградов','Богданов','Воробьёв'];
    streets text[] := ARRAY['Тверская','Арбат','Покровка','Маросейка','Мясницкая','Никольская','Пятницкая','Остоженка',
                            'Большая Дмитровка','Сретенка','Новослободская','Ленинский проспект','Профсоюзная','Садовая-Кудринская'];
    parents text[] := ARRAY['nails','hair','brows-lashes','makeup','massage','cosmetology','spa','barbering','epilation'];
    clients uuid[];
    i int;
    parent record;
    m_user uuid;
    m_id uuid;
    svc record;
    d int;
    b_start timestamptz;
    b_id uuid;
BEGIN
    IF EXISTS (SELECT 1 FROM users WHERE email = 'master01@demo.service') THEN
        RETURN;
    END IF;
    PERFORM setseed(0.42);

    INSERT INTO users (email, password_hash, name, role, city, location)
    VALUES ('anna@demo.service', pw, 'Анна Смирнова', 'client', 'Москва', ST_SetSRID(ST_MakePoint(37.6173, 55.7558), 4326)::geography),
           ('ivan@demo.service', pw, 'Иван Петров', 'client', 'Москва', ST_SetSRID(ST_MakePoint(37.58, 55.74), 4326)::geography),
           ('maria@demo.service', pw, 'Мария Орлова', 'client', 'Москва', ST_SetSRID(ST_MakePoint(37.65, 55.77), 4326)::geography)
    ON CONFLICT (email) DO NOTHING;
    SELECT array_agg(id ORDER BY email) INTO clients FROM users WHERE email IN ('anna@demo.service', 'ivan@demo.service', 'maria@demo.service');

    FOR i IN 1..50 LOOP
        SELECT * INTO parent FROM categories WHERE slug = parents[1 + (i - 1) % array_length(parents, 1)];
        INSERT INTO users (email, password_hash, name, role, city)
        VALUES (format('master%s@demo.service', lpad(i::text, 2, '0')), pw,
                first_names[1 + (i * 7) % 20] || ' ' || last_names[1 + (i * 3) % 20], 'master', 'Москва')
        RETURNING id INTO m_user;
        INSERT INTO masters (user_id, display_name, bio, category_ids, address, city, location, timezone,
                             min_notice_min, slot_step_min, buffer_min, auto_confirm)
        VALUES (m_user,
                first_names[1 + (i * 7) % 20] || ' · ' || parent.name_ru,
                'Работаю с ' || (2008 + i % 12) || ' года. Стерильные инструменты, материалы премиум-класса, '
                    || 'уютная студия в центре. Записывайтесь!',
                ARRAY[parent.id] || ARRAY(SELECT c.id FROM categories c WHERE c.parent_id = parent.id ORDER BY c.position LIMIT 2),
                'ул. ' || streets[1 + i % array_length(streets, 1)] || ', ' || (1 + (i * 13) % 60),
                'Москва',
                ST_SetSRID(ST_MakePoint(37.6173 + (random() - 0.5) * 0.36, 55.7558 + (random() - 0.5) * 0.2), 4326)::geography,
                'Europe/Moscow', 60, 15, CASE WHEN i % 3 = 0 THEN 10 ELSE 0 END, i % 2 = 0)
        RETURNING id INTO m_id;

        -- Three services from the category's list (so that searches like "мужская стрижка",
        -- "шугаринг" or "ламинирование ресниц" find something), a different three for each
        -- master of the category; the master's sub-categories are those of the services.
        INSERT INTO master_services (master_id, name, description, category_id, price_minor, duration_min)
        SELECT m_id, s.name, s.description, c.id, s.price + (i % 5) * 10000, s.minutes
        FROM (SELECT pool.*, row_number() OVER (ORDER BY pool.n) - 1 AS k, count(*) OVER () AS size
              FROM (VALUES
                (1, 'nails', 'manicure', 'Маникюр с покрытием гель-лак', 'Снятие, аппаратный маникюр, выравнивание и покрытие гель-лаком.', 200000, 90),
                (2, 'nails', 'manicure', 'Маникюр без покрытия', 'Классический или аппаратный маникюр, уход за кутикулой.', 120000, 45),
                (3, 'nails', 'manicure', 'Мужской маникюр', 'Аккуратные ногти без покрытия, обработка кутикулы.', 130000, 45),
                (4, 'nails', 'pedicure', 'Педикюр с покрытием', 'Аппаратный педикюр стоп и пальцев, покрытие гель-лаком.', 280000, 90),
                (5, 'nails', 'nail-extensions', 'Наращивание ногтей', 'Наращивание на формы, моделирование гелем, любая длина.', 350000, 150),
                (6, 'nails', 'nail-art', 'Дизайн ногтей: френч', 'Френч, втирка, стразы: дизайн на два или на все ногти.', 50000, 30),
                (1, 'hair', 'haircut', 'Женская стрижка', 'Стрижка с мытьём головы и укладкой.', 250000, 60),
                (2, 'hair', 'haircut', 'Мужская стрижка', 'Машинкой и ножницами, мытьё головы и укладка.', 150000, 45),
                (3, 'hair', 'haircut', 'Детская стрижка', 'Для детей до 12 лет.', 100000, 30),
                (4, 'hair', 'hair-coloring', 'Окрашивание в один тон', 'Стойкое окрашивание корней и длины.', 450000, 120),
                (5, 'hair', 'hair-coloring', 'Балаяж', 'Сложное окрашивание с мягким переходом цвета.', 900000, 240),
                (6, 'hair', 'hair-styling', 'Укладка и локоны', 'Укладка феном, локоны, вечерняя причёска.', 200000, 60),
                (7, 'hair', 'hair-care', 'Кератиновое выпрямление', 'Уход и выпрямление волос кератином.', 600000, 180),
                (1, 'brows-lashes', 'brow-shaping', 'Коррекция бровей', 'Коррекция формы воском или пинцетом.', 80000, 30),
                (2, 'brows-lashes', 'brow-shaping', 'Окрашивание бровей хной', 'Стойкое окрашивание бровей и кожи хной.', 100000, 45),
                (3, 'brows-lashes', 'brow-lamination', 'Ламинирование бровей', 'Долговременная укладка бровей.', 180000, 60),
                (4, 'brows-lashes', 'lash-extensions', 'Наращивание ресниц: классика', 'Поресничное наращивание, натуральный эффект.', 250000, 120),
                (5, 'brows-lashes', 'lash-extensions', 'Наращивание ресниц 2D', 'Объёмное наращивание ресниц.', 300000, 150),
                (6, 'brows-lashes', 'lash-lift', 'Ламинирование ресниц', 'Подкручивание и питание натуральных ресниц.', 200000, 60),
                (1, 'makeup', 'day-makeup', 'Дневной макияж', 'Лёгкий натуральный образ.', 250000, 60),
                (2, 'makeup', 'evening-makeup', 'Вечерний макияж', 'Яркий образ для праздника: стрелки, накладные ресницы.', 350000, 75),
                (3, 'makeup', 'bridal-makeup', 'Свадебный макияж', 'Макияж невесты с пробным образом.', 700000, 120),
                (4, 'makeup', 'permanent-makeup', 'Перманентный макияж губ', 'Пудровое напыление губ.', 1200000, 150),
                (5, 'makeup', 'permanent-makeup', 'Перманентный макияж бровей', 'Пудровые брови, коррекция через месяц.', 1000000, 120),
                (1, 'massage', 'classic-massage', 'Классический массаж спины', 'Расслабляющий массаж спины и шеи.', 250000, 60),
                (2, 'massage', 'classic-massage', 'Общий массаж тела', 'Массаж всего тела, полтора часа.', 400000, 90),
                (3, 'massage', 'sports-massage', 'Спортивный массаж', 'Восстановление после тренировок.', 350000, 60),
                (4, 'massage', 'lymphatic-massage', 'Лимфодренажный массаж', 'Снимает отёки, улучшает тонус.', 300000, 60),
                (5, 'massage', 'lymphatic-massage', 'Антицеллюлитный массаж', 'Ручной массаж проблемных зон.', 300000, 60),
                (6, 'massage', 'face-massage', 'Массаж лица', 'Скульптурный массаж лица.', 200000, 45),
                (1, 'cosmetology', 'facial-cleansing', 'Комбинированная чистка лица', 'Ультразвуковая и механическая чистка.', 350000, 90),
                (2, 'cosmetology', 'facial-cleansing', 'Ультразвуковая чистка лица', 'Бережное очищение пор.', 250000, 60),
                (3, 'cosmetology', 'peeling', 'Химический пилинг', 'Пилинг кислотами для ровного тона.', 300000, 45),
                (4, 'cosmetology', 'injections', 'Биоревитализация', 'Увлажнение кожи гиалуроновой кислотой.', 900000, 60),
                (5, 'cosmetology', 'skin-care', 'Уходовая процедура для лица', 'Маска, сыворотка и массаж.', 280000, 60),
                (1, 'spa', 'body-wraps', 'Шоколадное обёртывание', 'Обёртывание для гладкости кожи.', 300000, 60),
                (2, 'spa', 'body-wraps', 'Водорослевое обёртывание', 'Детокс-обёртывание ламинарией.', 320000, 60),
                (3, 'spa', 'spa-rituals', 'СПА-ритуал для двоих', 'Хаммам, пилинг и массаж.', 1200000, 150),
                (4, 'spa', 'sauna-hammam', 'Хаммам с пенным массажем', 'Турецкая баня и пенный массаж.', 450000, 90),
                (1, 'barbering', 'mens-haircut', 'Мужская стрижка машинкой', 'Стрижка машинкой и ножницами, мытьё головы.', 180000, 60),
                (2, 'barbering', 'beard', 'Стрижка бороды', 'Оформление бороды и усов.', 100000, 30),
                (3, 'barbering', 'mens-haircut', 'Стрижка и борода', 'Комплекс: стрижка и моделирование бороды.', 250000, 90),
                (4, 'barbering', 'royal-shave', 'Королевское бритьё', 'Бритьё опасной бритвой с горячим полотенцем.', 150000, 45),
                (5, 'barbering', 'mens-haircut', 'Камуфляж седины', 'Тонирование седых волос и бороды.', 120000, 30),
                (1, 'epilation', 'sugaring', 'Шугаринг ног полностью', 'Сахарная паста, ноги полностью.', 250000, 60),
                (2, 'epilation', 'sugaring', 'Шугаринг глубокое бикини', 'Сахарная депиляция зоны бикини.', 200000, 45),
                (3, 'epilation', 'waxing', 'Восковая депиляция подмышек', 'Тёплый воск.', 70000, 20),
                (4, 'epilation', 'laser-hair-removal', 'Лазерная эпиляция подмышек', 'Диодный лазер.', 150000, 20),
                (5, 'epilation', 'laser-hair-removal', 'Лазерная эпиляция ног', 'Диодный лазер, ноги полностью.', 600000, 60)
              ) AS pool (n, parent, sub, name, description, price, minutes)
              WHERE pool.parent = parent.slug) s
        JOIN categories c ON c.slug = s.sub
        WHERE s.k IN ((((i - 1) / 9) * 2) % s.size, (((i - 1) / 9) * 2 + 1) % s.size, (((i - 1) / 9) * 2 + 2) % s.size);
        UPDATE masters
        SET category_ids = ARRAY[parent.id] || ARRAY(SELECT DISTINCT category_id FROM master_services WHERE master_id = m_id)
        WHERE id = m_id;

        -- Monday to Saturday 10:00–20:00 with a lunch break; Sunday off for every other master.
        INSERT INTO master_schedule (master_id, weekday, start_time, end_time)
        SELECT m_id, wd, t.s, t.e
        FROM generate_series(1, CASE WHEN i % 2 = 0 THEN 6 ELSE 7 END) wd,
             (VALUES (time '10:00', time '14:00'), (time '15:00', time '20:00')) AS t (s, e);

        -- Two past visits with reviews and one upcoming booking per master.
        FOR svc IN SELECT id, name, price_minor, currency, duration_min FROM master_services
                   WHERE master_id = m_id ORDER BY price_minor LIMIT 1 LOOP
            FOR d IN 1..2 LOOP
                b_start := date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') - make_interval(days => d * 7 + i % 5)
                           + time '11:00';
                b_start := b_start AT TIME ZONE 'Europe/Moscow';
                INSERT INTO bookings (master_id, client_id, service_id, service_name, price_minor, currency,
                                      start_at, end_at, busy, status, created_at)
                VALUES (m_id, clients[1 + (i + d) % 3], svc.id, svc.name, svc.price_minor, svc.currency, b_start,
                        b_start + make_interval(mins => svc.duration_min),
                        tstzrange(b_start, b_start + make_interval(mins => svc.duration_min)), 'completed',
                        b_start - interval '3 days')
                RETURNING id INTO b_id;
                INSERT INTO booking_events (booking_id, type, actor_id) VALUES (b_id, 'created', clients[1 + (i + d) % 3]);
                INSERT INTO booking_events (booking_id, type, actor_id) VALUES (b_id, 'completed', m_user);
                INSERT INTO reviews (booking_id, master_id, author_id, rating, text, created_at, reply, replied_at)
                VALUES (b_id, m_id, clients[1 + (i + d) % 3], 4 + (i + d) % 2,
                        (ARRAY['Очень довольна, приду ещё!', 'Всё аккуратно и вовремя.', 'Прекрасный мастер, рекомендую.',
                               'Уютно, чисто, результат отличный.'])[1 + (i + d) % 4],
                        b_start + interval '3 hours',
                        CASE WHEN d = 1 THEN 'Спасибо, ждём снова!' END,
                        CASE WHEN d = 1 THEN b_start + interval '5 hours' END);
                UPDATE masters SET rating_sum = rating_sum + 4 + (i + d) % 2, rating_count = rating_count + 1 WHERE id = m_id;
            END LOOP;
            b_start := (date_trunc('day', now() AT TIME ZONE 'Europe/Moscow') + make_interval(days => 2 + i % 6)
                        + time '12:00') AT TIME ZONE 'Europe/Moscow';
            INSERT INTO bookings (master_id, client_id, service_id, service_name, price_minor, currency,
                                  start_at, end_at, busy, status)
            VALUES (m_id, clients[1 + i % 3], svc.id, svc.name, svc.price_minor, svc.currency, b_start,
                    b_start + make_interval(mins => svc.duration_min),
                    tstzrange(b_start, b_start + make_interval(mins => svc.duration_min)),
                    CASE WHEN i % 2 = 0 THEN 'confirmed' ELSE 'pending' END)
            RETURNING id INTO b_id;
            INSERT INTO booking_events (booking_id, type, actor_id) VALUES (b_id, 'created', clients[1 + i % 3]);
        END LOOP;
    END LOOP;

    -- Anna keeps a few favourites.
    INSERT INTO favorite_masters (user_id, master_id)
    SELECT clients[1], id FROM masters ORDER BY created_at LIMIT 3
    ON CONFLICT DO NOTHING;

    -- A few notifications, as the notifications module writes them (docs/notifications.md): each
    -- master hears of their upcoming booking and of their reviews, each client of the replies to
    -- theirs; the review notifications are read, the newest ones are not.
    INSERT INTO notifications (id, user_id, type, actor_id, target, group_key, group_id, dedupe_key, in_app,
                               read_at, created_at)
    SELECT n.id, n.user_id, n.type, n.actor_id, n.target, n.group_key, n.id, n.type || ':' || (n.target->>'id'),
           true, n.read_at, n.created_at
    FROM (
        SELECT gen_random_uuid() AS id, m.user_id, 'booking_created' AS type, b.client_id AS actor_id,
               jsonb_build_object('type', 'booking', 'id', b.id, 'service_name', b.service_name,
                                  'start_at', to_char(b.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                  'local_start', to_char(b.start_at AT TIME ZONE m.timezone, 'YYYY-MM-DD"T"HH24:MI'),
                                  'timezone', m.timezone, 'status', b.status, 'master_id', m.id) AS target,
               NULL::text AS group_key, NULL::timestamptz AS read_at, b.created_at
        FROM bookings b JOIN masters m ON m.id = b.master_id
        WHERE b.status IN ('pending', 'confirmed')
        UNION ALL
        SELECT gen_random_uuid(), m.user_id, 'review_received', r.author_id,
               jsonb_build_object('type', 'review', 'id', r.id, 'master_id', r.master_id, 'booking_id', r.booking_id,
                                  'rating', r.rating, 'text', r.text),
               'review_received:' || r.master_id, r.created_at + interval '1 hour', r.created_at
        FROM reviews r JOIN masters m ON m.id = r.master_id
        UNION ALL
        SELECT gen_random_uuid(), r.author_id, 'review_replied', m.user_id,
               jsonb_build_object('type', 'review', 'id', r.id, 'master_id', r.master_id, 'booking_id', r.booking_id,
                                  'rating', r.rating, 'text', r.text),
               NULL, NULL, r.replied_at
        FROM reviews r JOIN masters m ON m.id = r.master_id
        WHERE r.replied_at IS NOT NULL
    ) n
    ON CONFLICT DO NOTHING;
END
$demo$;

-- categories module: the two-level catalogue of services.
CREATE TABLE categories (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id  uuid REFERENCES categories (id) ON DELETE RESTRICT,
    slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    name_ru    text NOT NULL,
    name_en    text NOT NULL,
    position   integer NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent_idx ON categories (parent_id);

INSERT INTO categories (slug, name_ru, name_en, position) VALUES
    ('nails', 'Ногти', 'Nails', 1),
    ('hair', 'Волосы', 'Hair', 2),
    ('brows-lashes', 'Брови и ресницы', 'Brows & lashes', 3),
    ('makeup', 'Макияж', 'Makeup', 4),
    ('massage', 'Массаж', 'Massage', 5),
    ('cosmetology', 'Косметология', 'Cosmetology', 6),
    ('spa', 'СПА', 'Spa', 7),
    ('barbering', 'Барберинг', 'Barbering', 8),
    ('epilation', 'Эпиляция', 'Hair removal', 9),
    ('tattoo-piercing', 'Тату и пирсинг', 'Tattoo & piercing', 10);

INSERT INTO categories (parent_id, slug, name_ru, name_en, position)
SELECT p.id, c.slug, c.name_ru, c.name_en, c.position
FROM (VALUES
    ('nails', 'manicure', 'Маникюр', 'Manicure', 1),
    ('nails', 'pedicure', 'Педикюр', 'Pedicure', 2),
    ('nails', 'nail-extensions', 'Наращивание ногтей', 'Nail extensions', 3),
    ('nails', 'nail-art', 'Дизайн ногтей', 'Nail art', 4),
    ('hair', 'haircut', 'Стрижка', 'Haircut', 1),
    ('hair', 'hair-coloring', 'Окрашивание', 'Coloring', 2),
    ('hair', 'hair-styling', 'Укладка', 'Styling', 3),
    ('hair', 'hair-care', 'Уход и восстановление', 'Hair care', 4),
    ('hair', 'hair-extensions', 'Наращивание волос', 'Hair extensions', 5),
    ('brows-lashes', 'brow-shaping', 'Коррекция бровей', 'Brow shaping', 1),
    ('brows-lashes', 'brow-lamination', 'Ламинирование бровей', 'Brow lamination', 2),
    ('brows-lashes', 'lash-extensions', 'Наращивание ресниц', 'Lash extensions', 3),
    ('brows-lashes', 'lash-lift', 'Ламинирование ресниц', 'Lash lift', 4),
    ('makeup', 'day-makeup', 'Дневной макияж', 'Day makeup', 1),
    ('makeup', 'evening-makeup', 'Вечерний макияж', 'Evening makeup', 2),
    ('makeup', 'bridal-makeup', 'Свадебный макияж', 'Bridal makeup', 3),
    ('makeup', 'permanent-makeup', 'Перманентный макияж', 'Permanent makeup', 4),
    ('massage', 'classic-massage', 'Классический массаж', 'Classic massage', 1),
    ('massage', 'sports-massage', 'Спортивный массаж', 'Sports massage', 2),
    ('massage', 'lymphatic-massage', 'Лимфодренажный массаж', 'Lymphatic drainage', 3),
    ('massage', 'face-massage', 'Массаж лица', 'Facial massage', 4),
    ('cosmetology', 'facial-cleansing', 'Чистка лица', 'Facial cleansing', 1),
    ('cosmetology', 'peeling', 'Пилинг', 'Peeling', 2),
    ('cosmetology', 'injections', 'Инъекционная косметология', 'Injectables', 3),
    ('cosmetology', 'skin-care', 'Уходовые процедуры', 'Skin care', 4),
    ('spa', 'body-wraps', 'Обёртывания', 'Body wraps', 1),
    ('spa', 'spa-rituals', 'СПА-ритуалы', 'Spa rituals', 2),
    ('spa', 'sauna-hammam', 'Сауна и хаммам', 'Sauna & hammam', 3),
    ('barbering', 'mens-haircut', 'Мужская стрижка', 'Men''s haircut', 1),
    ('barbering', 'beard', 'Стрижка бороды', 'Beard trim', 2),
    ('barbering', 'royal-shave', 'Королевское бритьё', 'Royal shave', 3),
    ('epilation', 'waxing', 'Восковая депиляция', 'Waxing', 1),
    ('epilation', 'sugaring', 'Шугаринг', 'Sugaring', 2),
    ('epilation', 'laser-hair-removal', 'Лазерная эпиляция', 'Laser hair removal', 3),
    ('tattoo-piercing', 'tattoo', 'Татуировка', 'Tattoo', 1),
    ('tattoo-piercing', 'piercing', 'Пирсинг', 'Piercing', 2),
    ('tattoo-piercing', 'tattoo-removal', 'Удаление тату', 'Tattoo removal', 3)
) AS c (parent_slug, slug, name_ru, name_en, position)
JOIN categories p ON p.slug = c.parent_slug;

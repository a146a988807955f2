-- search module: one search document per master, per active service and per visible post,
-- kept in the transaction of every write to its source rows by the triggers below (the
-- search module owns the documents; the triggers are its only writers), the words those
-- documents use (for typo tolerance and suggestions) and the synonym groups.

-- Russian and English stemming after folding case and accents (ё = е): Cyrillic words go to
-- the Russian stemmer, ASCII words to the English one, both with their stop words.
CREATE TEXT SEARCH CONFIGURATION search_stem (COPY = russian);
ALTER TEXT SEARCH CONFIGURATION search_stem
    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, russian_stem;
ALTER TEXT SEARCH CONFIGURATION search_stem
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH unaccent, english_stem;
-- Whole words, folded the same way but not stemmed and without stop words: the vocabulary.
CREATE TEXT SEARCH CONFIGURATION search_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION search_words
    ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart WITH unaccent, simple;

-- The stem a word is indexed under (the word itself for a stop word).
CREATE FUNCTION search_stem(word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce((tsvector_to_array(to_tsvector('search_stem', word)))[1], lower(word));

-- Text as HTML (the highlight marks words with <mark> in otherwise escaped text).
CREATE FUNCTION search_escape(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN replace(replace(replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'),
                   '''', '&#39;');

CREATE TABLE search_documents (
    kind          text NOT NULL CHECK (kind IN ('master', 'service', 'post')),
    id            uuid NOT NULL,
    master_id     uuid,               -- the master (masters, services) or NULL (posts)
    user_id       uuid NOT NULL,      -- the owning user (ban and block checks)
    category_ids  uuid[] NOT NULL,    -- with their parents, so a parent category matches
    title         text NOT NULL,      -- what the highlight marks: name, or the post's text
    tsv           tsvector NOT NULL,  -- A title, B categories, C services or description, D the rest
    PRIMARY KEY (kind, id)
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE INDEX search_documents_master_idx ON search_documents (master_id) WHERE master_id IS NOT NULL;

-- Every word any document has used, never removed (a stale word only widens a typo match to
-- something that finds nothing); id lets every node load only what is new.
CREATE TABLE search_words (
    id    bigserial PRIMARY KEY,
    word  text NOT NULL UNIQUE
);

-- Synonym groups, two-way within a group ("ногти" finds "маникюр" and the other way round).
-- An admin edits them; stem is what a query word is compared by.
CREATE TABLE search_synonyms (
    id        serial PRIMARY KEY,
    group_id  integer NOT NULL,
    term      text NOT NULL CHECK (char_length(term) BETWEEN 1 AND 100),
    stem      text GENERATED ALWAYS AS (search_stem(term)) STORED,
    UNIQUE (group_id, term)
);
CREATE INDEX search_synonyms_stem_idx ON search_synonyms (stem);

INSERT INTO search_synonyms (group_id, term) VALUES
    (1, 'ногти'), (1, 'маникюр'), (1, 'ноготочки'), (1, 'nails'), (1, 'manicure'),
    (2, 'стрижка'), (2, 'парикмахер'), (2, 'подстричься'), (2, 'haircut'),
    (3, 'брови'), (3, 'бровист'), (3, 'brows'),
    (4, 'ресницы'), (4, 'лешмейкер'), (4, 'lashes'),
    (5, 'барбер'), (5, 'барбершоп'), (5, 'барберинг'), (5, 'barber'),
    (6, 'визажист'), (6, 'макияж'), (6, 'мейкап'), (6, 'makeup'),
    (7, 'массаж'), (7, 'массажист'), (7, 'massage'),
    (8, 'косметолог'), (8, 'косметология'), (8, 'cosmetology'),
    (9, 'эпиляция'), (9, 'депиляция'), (9, 'шугаринг'),
    (10, 'педикюр'), (10, 'pedicure'),
    (11, 'окрашивание'), (11, 'колорист'), (11, 'покраска'),
    (12, 'тату'), (12, 'татуировка'), (12, 'tattoo');

CREATE FUNCTION search_remember_words(body text) RETURNS void
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO search_words (word)
        SELECT w FROM unnest(tsvector_to_array(to_tsvector('search_words', body))) AS w
        WHERE char_length(w) BETWEEN 2 AND 40
        ON CONFLICT (word) DO NOTHING;
    END;

-- Category names (ru and en) of `ids` and the ids with their parents.
CREATE FUNCTION search_category_names(ids uuid[]) RETURNS text
    LANGUAGE sql STABLE
    RETURN (SELECT coalesce(string_agg(c.name_ru || ' ' || c.name_en, ' '), '')
            FROM categories c WHERE c.id = ANY (ids) OR c.id IN (SELECT parent_id FROM categories WHERE id = ANY (ids)));
CREATE FUNCTION search_with_parents(ids uuid[]) RETURNS uuid[]
    LANGUAGE sql STABLE
    RETURN (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM (
                SELECT c.id AS x FROM categories c WHERE c.id = ANY (ids)
                UNION SELECT c.parent_id FROM categories c WHERE c.id = ANY (ids) AND c.parent_id IS NOT NULL) s);

-- Rebuilds the master's document and those of its services (gone when the master is gone or
-- a service inactive).
CREATE FUNCTION search_refresh_master(target uuid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    m record;
    services text;
    cats text;
BEGIN
    SELECT * INTO m FROM masters WHERE id = target;
    IF NOT FOUND THEN
        DELETE FROM search_documents WHERE master_id = target AND kind IN ('master', 'service');
        RETURN;
    END IF;
    SELECT coalesce(string_agg(s.name, ' '), '') INTO services FROM master_services s
    WHERE s.master_id = target AND s.active;
    cats := search_category_names(m.category_ids || ARRAY(SELECT s.category_id FROM master_services s
                                                           WHERE s.master_id = target AND s.active));
    INSERT INTO search_documents (kind, id, master_id, user_id, category_ids, title, tsv)
    VALUES ('master', m.id, m.id, m.user_id, search_with_parents(m.category_ids), m.display_name,
            setweight(to_tsvector('search_stem', m.display_name), 'A')
            || setweight(to_tsvector('search_stem', cats), 'B')
            || setweight(to_tsvector('search_stem', services), 'C')
            || setweight(to_tsvector('search_stem', m.bio || ' ' || m.city), 'D'))
    ON CONFLICT (kind, id) DO UPDATE
        SET user_id = EXCLUDED.user_id, category_ids = EXCLUDED.category_ids, title = EXCLUDED.title, tsv = EXCLUDED.tsv;
    PERFORM search_remember_words(m.display_name || ' ' || cats || ' ' || services || ' ' || m.bio || ' ' || m.city);

    DELETE FROM search_documents d
    WHERE d.kind = 'service' AND d.master_id = target
      AND NOT EXISTS (SELECT 1 FROM master_services s WHERE s.id = d.id AND s.active);
    INSERT INTO search_documents (kind, id, master_id, user_id, category_ids, title, tsv)
    SELECT 'service', s.id, m.id, m.user_id, search_with_parents(ARRAY[s.category_id]), s.name,
           setweight(to_tsvector('search_stem', s.name), 'A')
           || setweight(to_tsvector('search_stem', search_category_names(ARRAY[s.category_id])), 'B')
           || setweight(to_tsvector('search_stem', s.description), 'C')
           || setweight(to_tsvector('search_stem', m.display_name), 'D')
    FROM master_services s WHERE s.master_id = target AND s.active
    ON CONFLICT (kind, id) DO UPDATE
        SET user_id = EXCLUDED.user_id, category_ids = EXCLUDED.category_ids, title = EXCLUDED.title, tsv = EXCLUDED.tsv;
    PERFORM search_remember_words(coalesce(string_agg(s.description, ' '), ''))
    FROM master_services s WHERE s.master_id = target AND s.active;
END
$$;

CREATE FUNCTION search_refresh_post(target uuid) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    p record;
    cats text;
BEGIN
    SELECT * INTO p FROM posts WHERE id = target AND deleted_at IS NULL AND hidden_at IS NULL;
    IF NOT FOUND THEN
        DELETE FROM search_documents WHERE kind = 'post' AND id = target;
        RETURN;
    END IF;
    cats := CASE WHEN p.category_id IS NULL THEN '' ELSE search_category_names(ARRAY[p.category_id]) END;
    INSERT INTO search_documents (kind, id, master_id, user_id, category_ids, title, tsv)
    VALUES ('post', p.id, NULL, p.author_id,
            CASE WHEN p.category_id IS NULL THEN '{}' ELSE search_with_parents(ARRAY[p.category_id]) END, p.text,
            setweight(to_tsvector('search_stem', p.text), 'A') || setweight(to_tsvector('search_stem', cats), 'B'))
    ON CONFLICT (kind, id) DO UPDATE
        SET category_ids = EXCLUDED.category_ids, title = EXCLUDED.title, tsv = EXCLUDED.tsv;
    PERFORM search_remember_words(p.text || ' ' || cats);
END
$$;

CREATE FUNCTION search_masters_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_master(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_masters AFTER INSERT OR DELETE OR UPDATE OF display_name, bio, city, category_ids, user_id
    ON masters FOR EACH ROW EXECUTE FUNCTION search_masters_changed();

CREATE FUNCTION search_services_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM search_refresh_master(OLD.master_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.master_id <> OLD.master_id) THEN
        PERFORM search_refresh_master(NEW.master_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_services AFTER INSERT OR DELETE OR UPDATE OF name, description, category_id, active, master_id
    ON master_services FOR EACH ROW EXECUTE FUNCTION search_services_changed();

CREATE FUNCTION search_posts_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_post(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END
$$;
CREATE TRIGGER search_posts AFTER INSERT OR DELETE OR UPDATE OF text, category_id, deleted_at, hidden_at
    ON posts FOR EACH ROW EXECUTE FUNCTION search_posts_changed();

CREATE FUNCTION search_categories_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_refresh_master(m.id) FROM masters m
    WHERE m.category_ids && ARRAY[NEW.id]
       OR EXISTS (SELECT 1 FROM master_services s WHERE s.master_id = m.id AND s.category_id = NEW.id)
       OR EXISTS (SELECT 1 FROM categories c WHERE c.parent_id = NEW.id AND c.id = ANY (m.category_ids));
    PERFORM search_refresh_post(p.id) FROM posts p WHERE p.category_id = NEW.id AND p.deleted_at IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_categories AFTER UPDATE OF name_ru, name_en ON categories
    FOR EACH ROW EXECUTE FUNCTION search_categories_changed();

-- What exists already.
SELECT search_refresh_master(id) FROM masters;
SELECT search_refresh_post(id) FROM posts WHERE deleted_at IS NULL AND hidden_at IS NULL;
SELECT search_remember_words(name_ru || ' ' || name_en) FROM categories;

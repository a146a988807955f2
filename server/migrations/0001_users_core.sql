-- Extensions used across modules (PostGIS for locations, trigram and unaccent for search,
-- btree_gist for exclusion constraints on bookings).
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- users module: accounts of every role.
CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    role          text NOT NULL DEFAULT 'client' CHECK (role IN ('client', 'master', 'admin')),
    avatar_url    text,
    city          text CHECK (char_length(city) <= 100),
    location      geography(Point, 4326),
    interests     uuid[] NOT NULL DEFAULT '{}',
    banned_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_location_idx ON users USING gist (location);

-- masters module: the professional profile of a user with role master.
CREATE TABLE masters (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    display_name    text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
    bio             text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 2000),
    category_ids    uuid[] NOT NULL DEFAULT '{}',
    address         text NOT NULL DEFAULT '' CHECK (char_length(address) <= 300),
    city            text NOT NULL DEFAULT '' CHECK (char_length(city) <= 100),
    location        geography(Point, 4326) NOT NULL,
    timezone        text NOT NULL,
    min_notice_min  integer NOT NULL DEFAULT 120 CHECK (min_notice_min BETWEEN 0 AND 10080),
    horizon_days    integer NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 365),
    slot_step_min   integer NOT NULL DEFAULT 15 CHECK (slot_step_min BETWEEN 5 AND 240),
    buffer_min      integer NOT NULL DEFAULT 0 CHECK (buffer_min BETWEEN 0 AND 240),
    auto_confirm    boolean NOT NULL DEFAULT false,
    max_per_day     integer CHECK (max_per_day BETWEEN 1 AND 100),
    -- Kept by the reviews module in the same transaction as each review.
    rating_sum      integer NOT NULL DEFAULT 0,
    rating_count    integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX masters_location_idx ON masters USING gist (location);
CREATE INDEX masters_categories_idx ON masters USING gin (category_ids);

-- services module: a master's price list. Rows are never deleted, only deactivated, so
-- bookings keep pointing at what was booked.
CREATE TABLE master_services (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    master_id     uuid NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description   text NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
    category_id   uuid NOT NULL REFERENCES categories (id),
    price_minor   bigint NOT NULL CHECK (price_minor BETWEEN 0 AND 10000000),
    currency      text NOT NULL DEFAULT 'RUB' CHECK (currency ~ '^[A-Z]{3}$'),
    duration_min  integer NOT NULL CHECK (duration_min BETWEEN 5 AND 720),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX master_services_master_idx ON master_services (master_id) WHERE active;

-- favorites module: masters a user keeps.
CREATE TABLE favorite_masters (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    master_id   uuid NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, master_id)
);
CREATE INDEX favorite_masters_user_idx ON favorite_masters (user_id, created_at DESC);

-- reviews module: one review per completed booking, one reply by the master.
CREATE TABLE reviews (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id  uuid NOT NULL UNIQUE REFERENCES bookings (id),
    master_id   uuid NOT NULL REFERENCES masters (id),
    author_id   uuid NOT NULL REFERENCES users (id),
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text        text NOT NULL DEFAULT '' CHECK (char_length(text) <= 2000),
    reply       text CHECK (char_length(reply) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    replied_at  timestamptz
);
CREATE INDEX reviews_master_idx ON reviews (master_id, created_at DESC, id DESC);

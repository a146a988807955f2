INSERT INTO bookings (master_id, client_id, service_id, service_name, price_minor, currency, start_at, end_at, busy,
                      status, comment)
VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::bigint, $6, $7::timestamptz,
        $7::timestamptz + make_interval(mins => $8::int),
        tstzrange($7::timestamptz, $7::timestamptz + make_interval(mins => $8::int + $9::int)),
        $10, $11)
RETURNING id

UPDATE bookings SET start_at = $2::timestamptz,
                    end_at = $2::timestamptz + make_interval(mins => $3::int),
                    busy = tstzrange($2::timestamptz, $2::timestamptz + make_interval(mins => $3::int + $4::int)),
                    updated_at = now()
WHERE id = $1::uuid

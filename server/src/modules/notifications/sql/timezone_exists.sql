-- Whether $1 names a time zone PostgreSQL knows (an IANA name).
SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1::text)

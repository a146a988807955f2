SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)

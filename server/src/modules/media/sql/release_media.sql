-- No longer used where it was attached (a replaced avatar): the 24-hour clean-up may take it.
UPDATE media SET attached_at = NULL WHERE id = $1::uuid

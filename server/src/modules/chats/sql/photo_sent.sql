-- Whether photo $1 is in a message already (each photo is sent once).
SELECT EXISTS (SELECT 1 FROM messages m WHERE m.media_id = $1::uuid)

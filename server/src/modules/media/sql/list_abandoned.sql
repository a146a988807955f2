-- Uploads never completed, failures, and photos nothing uses, 24 hours on ($1 = now).
SELECT id::text FROM media
WHERE attached_at IS NULL AND created_at < $1::timestamptz - interval '24 hours'
  AND (status <> 'processing' OR lease_until < $1::timestamptz)
ORDER BY created_at LIMIT 100

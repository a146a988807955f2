-- Row lock: two concurrent refreshes with one token are decided one after the other. $2 is the
-- application's now.
SELECT rt.id, rt.user_id, rt.family_id,
       rt.expires_at <= $2::timestamptz AS expired,
       rt.rotated_at IS NOT NULL AS rotated,
       rt.revoked_at IS NOT NULL AS revoked
FROM refresh_tokens rt
WHERE rt.token_hash = $1
FOR UPDATE

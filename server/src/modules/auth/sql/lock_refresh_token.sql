-- Row lock: two concurrent refreshes with one token are decided one after the other.
SELECT rt.id, rt.user_id, rt.family_id,
       rt.expires_at <= now() AS expired,
       rt.rotated_at IS NOT NULL AS rotated,
       rt.revoked_at IS NOT NULL AS revoked
FROM refresh_tokens rt
WHERE rt.token_hash = $1
FOR UPDATE

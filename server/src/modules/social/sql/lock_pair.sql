-- Serialises every change to one pair of users (follows, friend requests, friendships, blocks)
-- whichever of them acts: a transaction-scoped advisory lock on the unordered pair.
SELECT pg_advisory_xact_lock(
    hashtext('social:' || least($1::uuid, $2::uuid)::text || ':' || greatest($1::uuid, $2::uuid)::text))

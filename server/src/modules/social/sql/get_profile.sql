-- A profile as $2 (the viewer; NULL: anonymous) sees it; no row when $1 is not an active user or
-- one of them blocked the other.
SELECT u.id::text, u.name, u.role, u.city, u.avatar_media_id::text, m.id::text,
       (SELECT count(*) FROM follows f WHERE f.followee_id = u.id),
       (SELECT count(*) FROM follows f WHERE f.follower_id = u.id),
       (SELECT count(*) FROM friendships fr WHERE fr.user_id = u.id),
       (SELECT count(*) FROM posts p WHERE p.author_id = u.id AND p.deleted_at IS NULL AND p.hidden_at IS NULL),
       EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $2::uuid AND f.followee_id = u.id),
       EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = u.id AND f.followee_id = $2::uuid),
       EXISTS (SELECT 1 FROM friendships fr WHERE fr.user_id = $2::uuid AND fr.friend_id = u.id),
       (SELECT CASE WHEN r.from_id = $2::uuid THEN 'outgoing' ELSE 'incoming' END
        FROM friend_requests r
        WHERE r.status = 'pending'
          AND least(r.from_id, r.to_id) = least(u.id, $2::uuid)
          AND greatest(r.from_id, r.to_id) = greatest(u.id, $2::uuid)),
       EXISTS (SELECT 1 FROM mutes mu WHERE mu.user_id = $2::uuid AND mu.muted_id = u.id)
FROM users u
LEFT JOIN masters m ON m.user_id = u.id
WHERE u.id = $1::uuid AND u.banned_at IS NULL
  AND ($2::uuid IS NULL OR NOT EXISTS (
      SELECT 1 FROM blocked_users b
      WHERE (b.blocker_id = $2::uuid AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $2::uuid)))

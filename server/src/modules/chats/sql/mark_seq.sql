-- Moves user $2's watermarks in chat $1 up to $3, capped at the chat's last seq and never
-- backwards; $4 true for read (which delivers too), false for delivered only. Returns the new
-- values, whether either moved, and the other participants. No row when $2 is not a participant.
WITH target AS (
    SELECT p.chat_id, p.user_id, p.delivered_seq, p.read_seq, least($3::bigint, c.last_seq) AS up_to
    FROM chat_participants p JOIN chats c ON c.id = p.chat_id
    WHERE p.chat_id = $1::uuid AND p.user_id = $2::uuid
    FOR UPDATE OF p
), moved AS (
    UPDATE chat_participants p
    SET delivered_seq = greatest(p.delivered_seq, t.up_to),
        read_seq = CASE WHEN $4::boolean THEN greatest(p.read_seq, t.up_to) ELSE p.read_seq END
    FROM target t
    WHERE p.chat_id = t.chat_id AND p.user_id = t.user_id
    RETURNING p.delivered_seq, p.read_seq
)
SELECT m.delivered_seq, m.read_seq, (m.delivered_seq <> t.delivered_seq OR m.read_seq <> t.read_seq),
       ARRAY(SELECT q.user_id FROM chat_participants q WHERE q.chat_id = $1::uuid AND q.user_id <> $2::uuid)
FROM moved m, target t

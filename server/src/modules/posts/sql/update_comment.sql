-- Author $2 edits comment $1 to $3; returns whether it was theirs.
UPDATE comments SET text = $3, edited_at = now() WHERE id = $1::uuid AND author_id = $2::uuid RETURNING id

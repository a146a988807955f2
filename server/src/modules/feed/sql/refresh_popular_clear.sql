-- The periodic rebuild of feed_popular, step one (the same transaction inserts the new rows).
DELETE FROM feed_popular

-- Spark schema, part 10: a notification sent "once" is sent once, whoever sends it.
-- depends: 0009_grants

-- new: spark.notifications.notify() checks for an earlier notification with the
-- same key, but a teacher cannot read a student's notifications (RLS), so the
-- check alone cannot stop a second copy; this index does, for any sender.
CREATE UNIQUE INDEX user_notifications_user_key
  ON user_notifications (user_id, (data ->> 'key'))
  WHERE data ->> 'key' IS NOT NULL;

-- Every command asks whether the caller has undelivered personal reminders to hear about;
-- this keeps that question to a lookup of the few failed ones instead of a scan.
CREATE INDEX reminders_untold ON reminders (target_id)
    WHERE kind = 'personal' AND status = 'failed' AND told_user = 0;

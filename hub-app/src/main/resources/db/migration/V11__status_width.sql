-- "completed_with_failures" and "awaiting_approval" do not fit in 20 characters.
ALTER TABLE sync_runs ALTER COLUMN status SET DATA TYPE VARCHAR(40);
ALTER TABLE target_xref ALTER COLUMN status SET DATA TYPE VARCHAR(40);
ALTER TABLE dead_letters ALTER COLUMN status SET DATA TYPE VARCHAR(40);

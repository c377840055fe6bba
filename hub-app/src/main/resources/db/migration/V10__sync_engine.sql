-- What the sync engine keeps per item and target beyond V2: the relations already pushed
-- (one key a line), the last accepted payload (for dry-run plans), and the ids of the
-- item's other records in the platform (JSON).
ALTER TABLE target_xref ADD COLUMN relations VARCHAR(100000);
ALTER TABLE target_xref ADD COLUMN last_payload VARCHAR(1000000);
ALTER TABLE target_xref ADD COLUMN related VARCHAR(4000);

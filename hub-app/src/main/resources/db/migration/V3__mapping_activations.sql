-- Which mapping version each platform uses, and which it used before (what a rollback
-- goes back to). One row per platform: every activation updates it, so two instances
-- activating at once are serialized by its row lock, and the cheap "has anything changed"
-- check of every instance reads only this small table. Runs unchanged on HSQLDB and
-- PostgreSQL.
CREATE TABLE mapping_activations (
    platform         VARCHAR(100)    NOT NULL PRIMARY KEY,
    active_version   INTEGER         NOT NULL,
    previous_version INTEGER,
    activated_by     VARCHAR(200)    NOT NULL,
    activated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

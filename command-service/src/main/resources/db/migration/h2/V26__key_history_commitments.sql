-- Each organization's key-history commitment (org.endorsements.events.KeyHistoryCommitment: how many of its key and
-- credential events, and the SHA-256 chain over them), kept like the other registry tables in the transaction that
-- appends those events, so that an endorsement records the history it was accepted under. A row exists only for an
-- organization registered since this table: the chain of an older one would have to start from events this table
-- never saw, so its endorsements record no commitment rather than a wrong one.
CREATE TABLE key_history_commitment (
    organization_id VARCHAR(100) NOT NULL PRIMARY KEY,
    entries         INTEGER      NOT NULL,
    digest          CHAR(64)     NOT NULL
);

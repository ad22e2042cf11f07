-- The other texts of each statement's versions (translations, a late original), kept like the other registry
-- tables in the transaction that appends their events: an endorsement names the text its signer read, and must
-- name one of the version in force. A version's own text is statement_registry.content_hash, not repeated here.
CREATE TABLE statement_text (
    statement_id VARCHAR(100) NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    version_hash CHAR(64)     NOT NULL,
    PRIMARY KEY (statement_id, content_hash)
);

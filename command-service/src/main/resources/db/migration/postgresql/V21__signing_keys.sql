-- What a signed endorsement is checked against, kept like the other registry tables in the transaction that
-- appends the events they reflect. Credentials issued before this column existed read as the organization's own.
ALTER TABLE credential ADD COLUMN assurance VARCHAR(40) DEFAULT 'organization-credential' NOT NULL;

ALTER TABLE statement_registry ADD COLUMN signatures_required BOOLEAN DEFAULT FALSE NOT NULL;

-- Public halves only (base64 of the 32 raw bytes); revoked keys stay, their ids are never reused.
CREATE TABLE signing_key (
    organization_id VARCHAR(100) NOT NULL REFERENCES organization_registry (organization_id),
    key_id          VARCHAR(100) NOT NULL,
    public_key      VARCHAR(64)  NOT NULL,
    assurance       VARCHAR(40)  NOT NULL,
    revoked         BOOLEAN      NOT NULL,
    PRIMARY KEY (organization_id, key_id)
);

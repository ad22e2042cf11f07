-- Tables the command side validates against, written in the same transaction as the events they reflect.
CREATE TABLE statement_registry (
    statement_id VARCHAR(100) NOT NULL PRIMARY KEY,
    content_hash CHAR(64)     NOT NULL,
    closed       BOOLEAN      NOT NULL
);

CREATE TABLE organization_registry (
    organization_id VARCHAR(100) NOT NULL PRIMARY KEY,
    name            VARCHAR(800) NOT NULL,
    suspended       BOOLEAN      NOT NULL
);

-- Only the SHA-256 of each API key is stored.
CREATE TABLE credential (
    key_hash        CHAR(64)     NOT NULL PRIMARY KEY,
    credential_id   VARCHAR(64)  NOT NULL UNIQUE,
    organization_id VARCHAR(100) NOT NULL REFERENCES organization_registry (organization_id),
    revoked         BOOLEAN      NOT NULL
);
CREATE INDEX credential_organization ON credential (organization_id);

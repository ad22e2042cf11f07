-- One AES-256 data key per organization, stored only wrapped under the master key (issue 20: personal data never
-- in plain text). Destroying a key (erasure) keeps the row with wrapped_key NULL: "erased", not "never created".
CREATE TABLE organization_data_key (
    organization_id VARCHAR(100) NOT NULL PRIMARY KEY,
    wrapped_key     VARCHAR(100),
    destroyed       BOOLEAN      NOT NULL
);

-- The registry keeps the name sealed (the endorsement copies it into its event): wider, and null once erased.
ALTER TABLE organization_registry ALTER COLUMN name SET DATA TYPE VARCHAR(1200);
ALTER TABLE organization_registry ALTER COLUMN name SET NULL;

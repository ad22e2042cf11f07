-- Opaque organization ids and erasure (issue 20): the readable handle is an attribute, unique among organizations,
-- kept here as a keyed digest (MasterKey.handleDigest), never in plain text
-- (NULL once erased, which frees it; several NULLs are allowed); an erased organization's keys stop working.
ALTER TABLE organization_registry ADD COLUMN handle VARCHAR(100);
ALTER TABLE organization_registry ADD COLUMN erased BOOLEAN DEFAULT FALSE NOT NULL;
-- Organizations registered before handles existed: their id was their handle.
UPDATE organization_registry SET handle = organization_id;
CREATE UNIQUE INDEX organization_registry_handle ON organization_registry (handle);
